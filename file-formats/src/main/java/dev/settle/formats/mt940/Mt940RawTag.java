package dev.settle.formats.mt940;

/**
 * A tag this reader does not interpret (e.g. Sberbank's {@code :NS:}, MT942's {@code :34F:}), kept
 * as found so a writer can put it back. {@code value} holds the field's lines joined with '\n'.
 */
public record Mt940RawTag(String tag, String value, long line) {
}
