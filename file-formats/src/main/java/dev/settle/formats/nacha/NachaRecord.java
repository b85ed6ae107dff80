package dev.settle.formats.nacha;

/**
 * One physical line of a NACHA file, as read. Every record keeps its 1-based line number and the
 * raw text (without the line terminator); its fields are the exact-width substrings of that text
 * (a short line is padded with spaces before cutting, a long one cut at 94), never trimmed, so
 * {@link #toLine()} rebuilds the line from the fields and equals {@link #raw()} for every 94-character line.
 */
public sealed interface NachaRecord
        permits FileHeader, BatchHeader, EntryDetail, Addenda, BatchControl, FileControl, FillerRecord, UnknownRecord {

    /** 1-based physical line number in the file. */
    long line();

    /** The line as read, without its terminator; may be shorter or longer than 94 characters. */
    String raw();

    /** The record type as violations name it, e.g. "6 Entry Detail". */
    String recordTypeName();

    /** The 94-character line rebuilt from the fields (positions 1-94). */
    String toLine();
}
