package dev.settle.formats.nacha;

/**
 * Addenda type 99: return, dishonored return or contested dishonored return. The dishonored and
 * contested layouts subdivide (36-79) further (return trace number 39-53, return settlement date
 * 54-56, original return reason 57-58, addenda information 59-79); that span is kept whole here.
 *
 * @param returnReasonCode (4-6) R01-R85
 * @param originalEntryTraceNumber (7-21)
 * @param dateOfDeath (22-27) YYMMDD for R14/R15, else blank
 * @param originalReceivingDfiIdentification (28-35)
 * @param addendaInformation (36-79)
 * @param traceNumber (80-94)
 */
public record ReturnAddenda(
        long line,
        String raw,
        String returnReasonCode,
        String originalEntryTraceNumber,
        String dateOfDeath,
        String originalReceivingDfiIdentification,
        String addendaInformation,
        String traceNumber) implements Addenda {

    @Override
    public String addendaTypeCode() {
        return "99";
    }

    @Override
    public String toLine() {
        return "799" + returnReasonCode + originalEntryTraceNumber + dateOfDeath + originalReceivingDfiIdentification
                + addendaInformation + traceNumber;
    }
}
