package dev.settle.formats.nacha;

/**
 * Addenda type 98: Notification of Change (COR entries).
 *
 * @param changeCode (4-6) C01-C14, C61-C69
 * @param originalEntryTraceNumber (7-21)
 * @param reserved1 (22-27)
 * @param originalReceivingDfiIdentification (28-35)
 * @param correctedData (36-64) the corrected value, left-justified
 * @param reserved2 (65-79)
 * @param traceNumber (80-94)
 */
public record NocAddenda(
        long line,
        String raw,
        String changeCode,
        String originalEntryTraceNumber,
        String reserved1,
        String originalReceivingDfiIdentification,
        String correctedData,
        String reserved2,
        String traceNumber) implements Addenda {

    @Override
    public String addendaTypeCode() {
        return "98";
    }

    @Override
    public String toLine() {
        return "798" + changeCode + originalEntryTraceNumber + reserved1 + originalReceivingDfiIdentification
                + correctedData + reserved2 + traceNumber;
    }
}
