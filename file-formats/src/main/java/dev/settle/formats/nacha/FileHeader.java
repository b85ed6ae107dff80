package dev.settle.formats.nacha;

/**
 * File Header Record (type 1): the first record of every file.
 *
 * @param priorityCode (2-3) "01"
 * @param immediateDestination (4-13) blank + 9-digit routing number of the receiving point
 * @param immediateOrigin (14-23) blank + 9-digit routing number, or 10-character originator id
 * @param fileCreationDate (24-29) YYMMDD
 * @param fileCreationTime (30-33) HHMM, may be blank
 * @param fileIdModifier (34) A-Z or 0-9, distinguishes files created on the same day
 * @param recordSize (35-37) "094"
 * @param blockingFactor (38-39) "10"
 * @param formatCode (40) "1"
 * @param immediateDestinationName (41-63)
 * @param immediateOriginName (64-86)
 * @param referenceCode (87-94)
 */
public record FileHeader(
        long line,
        String raw,
        String priorityCode,
        String immediateDestination,
        String immediateOrigin,
        String fileCreationDate,
        String fileCreationTime,
        String fileIdModifier,
        String recordSize,
        String blockingFactor,
        String formatCode,
        String immediateDestinationName,
        String immediateOriginName,
        String referenceCode) implements NachaRecord {

    public static final String TYPE_NAME = "1 File Header";

    static FileHeader parse(long line, String raw) {
        String p = Fields.pad(raw);
        return new FileHeader(line, raw, Fields.cut(p, 2, 3), Fields.cut(p, 4, 13), Fields.cut(p, 14, 23),
                Fields.cut(p, 24, 29), Fields.cut(p, 30, 33), Fields.cut(p, 34, 34), Fields.cut(p, 35, 37),
                Fields.cut(p, 38, 39), Fields.cut(p, 40, 40), Fields.cut(p, 41, 63), Fields.cut(p, 64, 86),
                Fields.cut(p, 87, 94));
    }

    @Override
    public String recordTypeName() {
        return TYPE_NAME;
    }

    @Override
    public String toLine() {
        return "1" + priorityCode + immediateDestination + immediateOrigin + fileCreationDate + fileCreationTime
                + fileIdModifier + recordSize + blockingFactor + formatCode + immediateDestinationName
                + immediateOriginName + referenceCode;
    }
}
