package dev.settle.formats;

import java.io.InputStream;

/**
 * Reads one whole file of one format for inspection: parse, validate, control totals. One
 * implementation per format package; {@code FileInspectors} lists them for detection.
 */
public interface FileInspector {

    FileFormat format();

    /**
     * Whether the first bytes of a file (up to 4 KiB) look like this format. Cheap and
     * conservative: a false positive is caught by {@link #inspect}, a false negative forces
     * {@code --format}.
     */
    boolean looksLike(byte[] head, String fileName);

    /**
     * Reads the whole stream and reports; recoverable problems are violations in the report.
     *
     * @throws FormatException when the file cannot be read at all (the violation says why)
     */
    InspectionReport inspect(InputStream in, String fileName);
}
