package dev.settle.formats.nacha;

/**
 * Addenda type 05: payment-related information (CCD, CTX, PPD, WEB).
 *
 * @param paymentRelatedInformation (4-83) free text, e.g. an ANSI X12 segment
 * @param addendaSequenceNumber (84-87)
 * @param entryDetailSequenceNumber (88-94) last 7 digits of the entry's trace number
 */
public record PaymentAddenda(
        long line,
        String raw,
        String paymentRelatedInformation,
        String addendaSequenceNumber,
        String entryDetailSequenceNumber) implements Addenda {

    @Override
    public String addendaTypeCode() {
        return "05";
    }

    @Override
    public String toLine() {
        return "705" + paymentRelatedInformation + addendaSequenceNumber + entryDetailSequenceNumber;
    }
}
