package dev.settle.formats.nacha;

/** A block-padding line of 94 '9' characters after the file control record. */
public record FillerRecord(long line, String raw) implements NachaRecord {

    public static final String TYPE_NAME = "9 Filler";
    public static final String LINE = "9".repeat(NachaReader.RECORD_LENGTH);

    @Override
    public String recordTypeName() {
        return TYPE_NAME;
    }

    @Override
    public String toLine() {
        return LINE;
    }
}
