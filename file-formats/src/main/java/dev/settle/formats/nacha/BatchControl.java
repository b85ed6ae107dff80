package dev.settle.formats.nacha;

/**
 * Company/Batch Control Record (type 8): closes a batch with its control totals.
 *
 * @param serviceClassCode (2-4) same as the batch header
 * @param entryAddendaCount (5-10) entries plus addenda in the batch
 * @param entryHash (11-20) sum of the entries' 8-digit RDFI identifications, rightmost 10 digits
 * @param totalDebitAmount (21-32) cents
 * @param totalCreditAmount (33-44) cents
 * @param companyIdentification (45-54) same as the batch header
 * @param messageAuthenticationCode (55-73)
 * @param reserved (74-79)
 * @param odfiIdentification (80-87) same as the batch header
 * @param batchNumber (88-94) same as the batch header
 */
public record BatchControl(
        long line,
        String raw,
        String serviceClassCode,
        String entryAddendaCount,
        String entryHash,
        String totalDebitAmount,
        String totalCreditAmount,
        String companyIdentification,
        String messageAuthenticationCode,
        String reserved,
        String odfiIdentification,
        String batchNumber) implements NachaRecord {

    public static final String TYPE_NAME = "8 Batch Control";

    static BatchControl parse(long line, String raw) {
        String p = Fields.pad(raw);
        return new BatchControl(line, raw, Fields.cut(p, 2, 4), Fields.cut(p, 5, 10), Fields.cut(p, 11, 20),
                Fields.cut(p, 21, 32), Fields.cut(p, 33, 44), Fields.cut(p, 45, 54), Fields.cut(p, 55, 73),
                Fields.cut(p, 74, 79), Fields.cut(p, 80, 87), Fields.cut(p, 88, 94));
    }

    @Override
    public String recordTypeName() {
        return TYPE_NAME;
    }

    @Override
    public String toLine() {
        return "8" + serviceClassCode + entryAddendaCount + entryHash + totalDebitAmount + totalCreditAmount
                + companyIdentification + messageAuthenticationCode + reserved + odfiIdentification + batchNumber;
    }
}
