package dev.settle.formats;

import dev.settle.formats.adyen.AdyenInspector;
import dev.settle.formats.bai2.Bai2Inspector;
import dev.settle.formats.camt.CamtInspector;
import dev.settle.formats.generic.GenericCsvInspector;
import dev.settle.formats.generic.GenericMapping;
import dev.settle.formats.mt940.Mt940Inspector;
import dev.settle.formats.nacha.NachaInspector;
import dev.settle.formats.pain001.Pain001Inspector;
import dev.settle.formats.pain002.Pain002Inspector;
import dev.settle.formats.payoutcsv.PayoutCsvInspector;
import dev.settle.formats.stripe.StripeInspector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link FileInspector} Settle has, format detection, and inspection of a file on disk: the
 * engine of {@code ./settle files check}. Plain Java; immutable and thread-safe.
 *
 * <p>A new format is one line in {@link #withMapping}: its inspector joins detection and
 * {@link #inspectorFor} at once.
 */
public final class FileInspectors {

    /** How much of a file detection looks at. */
    public static final int DETECTION_HEAD_BYTES = 4096;

    private final List<FileInspector> inspectors;
    private final boolean hasMapping;

    private FileInspectors(List<FileInspector> inspectors, boolean hasMapping) {
        this.inspectors = List.copyOf(inspectors);
        this.hasMapping = hasMapping;
    }

    /** Every format except the generic CSV, which cannot be read without a mapping. */
    public static FileInspectors standard() {
        return withMapping(Optional.empty());
    }

    /** Every format; the generic CSV joins (detection included) only when a mapping is given. */
    public static FileInspectors withMapping(Optional<GenericMapping> mapping) {
        List<FileInspector> all = new ArrayList<>(List.of(
                new AdyenInspector(),
                new StripeInspector(),
                new CamtInspector(FileFormat.CAMT053),
                new CamtInspector(FileFormat.CAMT054),
                new Pain001Inspector(),
                new Pain002Inspector(),
                new Mt940Inspector(),
                new Bai2Inspector(),
                new NachaInspector(),
                new PayoutCsvInspector()));
        mapping.ifPresent(m -> all.add(new GenericCsvInspector(m)));
        return new FileInspectors(all, mapping.isPresent());
    }

    /** The inspectors, in detection order. */
    public List<FileInspector> all() {
        return inspectors;
    }

    /** The inspector of a format; empty for {@link FileFormat#GENERIC_CSV} when no mapping was given. */
    public Optional<FileInspector> inspectorFor(FileFormat format) {
        return inspectors.stream().filter(i -> i.format() == format).findFirst();
    }

    /**
     * The format of a file from its first bytes and its name: the one format whose inspector says
     * {@link FileInspector#looksLike}. Conservative: when no inspector or more than one claims the
     * file, the answer is empty and the caller must name the format. Deterministic: the same bytes
     * and name always give the same answer, whatever the order of the inspectors.
     *
     * @param head the first bytes of the file (only the first {@link #DETECTION_HEAD_BYTES} are looked at)
     * @param fileName the file's name, as a hint (e.g. ".ach"); may be null
     */
    public Optional<FileFormat> detect(byte[] head, String fileName) {
        if (head.length == 0) {
            return Optional.empty();
        }
        byte[] window = head.length > DETECTION_HEAD_BYTES ? java.util.Arrays.copyOf(head, DETECTION_HEAD_BYTES) : head;
        List<FileFormat> claims = new ArrayList<>();
        for (FileInspector inspector : inspectors) {
            if (inspector.looksLike(window, fileName == null ? "" : fileName)) {
                claims.add(inspector.format());
            }
        }
        return claims.size() == 1 ? Optional.of(claims.get(0)) : Optional.empty();
    }

    /**
     * Reads the whole file with the inspector of the given format, or of the detected one.
     *
     * <p>A file whose structure stops the reader (truncated XML, missing CSV column, unclosed quote)
     * is still a report: the {@link FormatException}'s violation is its last violation, so the file
     * is invalid (exit 1), not unreadable.
     *
     * @throws UninspectableFileException when no format is given and none is detected, or the
     *     generic CSV is asked for without a mapping
     * @throws IOException when the file cannot be opened or read
     */
    public InspectionReport inspect(Path file, Optional<FileFormat> format) throws IOException {
        String name = file.toString();
        FileFormat chosen;
        if (format.isPresent()) {
            chosen = format.get();
        } else {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(DETECTION_HEAD_BYTES);
            }
            chosen = detect(head, file.getFileName() == null ? name : file.getFileName().toString())
                    .orElseThrow(() -> new UninspectableFileException(name + ": the format cannot be detected"
                            + " (no known format, or more than one, matches its first "
                            + DETECTION_HEAD_BYTES + " bytes); pass --format"));
        }
        FileInspector inspector = inspectorFor(chosen).orElseThrow(() -> new UninspectableFileException(
                chosen == FileFormat.GENERIC_CSV && !hasMapping
                        ? "the generic-csv format needs a mapping file: pass --mapping"
                        : "no inspector for " + chosen.cliName()));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return inspectOrReport(inspector, in, name);
        }
    }

    private static InspectionReport inspectOrReport(FileInspector inspector, InputStream in, String name) {
        try {
            return inspector.inspect(in, name);
        } catch (FormatException e) {
            return new InspectionReport(inspector.format(), name, Map.of(), Map.of(), Map.of(), List.of(e.violation()));
        }
    }
}
