package dev.settle.formats.generic;

/** A column a CSV format finds by its header name. */
public interface CsvColumn {

    /** The header text as the format's documentation spells it (matched ignoring case and BOM). */
    String header();

    /** Whether a file without this column cannot be read at all. */
    boolean required();
}
