package dev.settle.formats.nacha;

/** A line whose first character is not a NACHA record type (1, 5, 6, 7, 8, 9); kept as read. */
public record UnknownRecord(long line, String raw) implements NachaRecord {

    public static final String TYPE_NAME = "unknown";

    @Override
    public String recordTypeName() {
        return TYPE_NAME;
    }

    /** The raw text, padded or cut to 94 characters. */
    @Override
    public String toLine() {
        return Fields.pad(raw);
    }
}
