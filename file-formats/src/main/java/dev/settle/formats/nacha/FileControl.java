package dev.settle.formats.nacha;

/**
 * File Control Record (type 9): closes the file with its control totals.
 *
 * @param batchCount (2-7)
 * @param blockCount (8-13) number of 10-record blocks, counting the file header through this record
 * @param entryAddendaCount (14-21)
 * @param entryHash (22-31) sum of the batch entry hashes, rightmost 10 digits
 * @param totalDebitAmount (32-43) cents
 * @param totalCreditAmount (44-55) cents
 * @param reserved (56-94) blank
 */
public record FileControl(
        long line,
        String raw,
        String batchCount,
        String blockCount,
        String entryAddendaCount,
        String entryHash,
        String totalDebitAmount,
        String totalCreditAmount,
        String reserved) implements NachaRecord {

    public static final String TYPE_NAME = "9 File Control";

    static FileControl parse(long line, String raw) {
        String p = Fields.pad(raw);
        return new FileControl(line, raw, Fields.cut(p, 2, 7), Fields.cut(p, 8, 13), Fields.cut(p, 14, 21),
                Fields.cut(p, 22, 31), Fields.cut(p, 32, 43), Fields.cut(p, 44, 55), Fields.cut(p, 56, 94));
    }

    @Override
    public String recordTypeName() {
        return TYPE_NAME;
    }

    @Override
    public String toLine() {
        return "9" + batchCount + blockCount + entryAddendaCount + entryHash + totalDebitAmount + totalCreditAmount
                + reserved;
    }
}
