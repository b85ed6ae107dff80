package dev.settle.app;

import dev.settle.formats.FileFormat;
import dev.settle.formats.FileInspectors;
import dev.settle.formats.FormatException;
import dev.settle.formats.InspectionReport;
import dev.settle.formats.UninspectableFileException;
import dev.settle.formats.generic.GenericMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./settle files}: work on payment and bank files without a database. Nothing here starts
 * Spring, PostgreSQL or Redis, so a check of a file takes as long as reading it.
 */
@Command(name = "files", description = "Inspect payment, bank and payout files (no database needed).",
        subcommands = {FilesCommand.Check.class})
final class FilesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** {@code ./settle files} alone is a usage error: it names no action. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return SettleMain.EXIT_USAGE;
    }

    /**
     * {@code ./settle files check FILE}: detect or take the format, read the whole file, print counts,
     * control totals, balances and every violation. Exit 0 valid, 1 invalid (including a file whose
     * structure stops the reader, such as truncated XML: it is reported as its fatal violation), 2
     * when the file cannot be checked at all (missing or unreadable, unknown or undetectable format,
     * generic CSV without a usable mapping).
     */
    @Command(name = "check", description = "Check one file: record counts, control totals, balances, violations.",
            sortOptions = false)
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The file to check.")
        private Path file;

        @Option(names = "--format", paramLabel = "F", completionCandidates = FormatNames.class,
                description = "The file's format, when it cannot be detected: one of ${COMPLETION-CANDIDATES}.")
        private String formatName;

        @Option(names = "--mapping", paramLabel = "M",
                description = "Column mapping (.properties) for the generic-csv format.")
        private Path mappingFile;

        @Option(names = "--json", description = "Print one JSON document instead of text.")
        private boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Optional<FileFormat> format = format();
                Optional<GenericMapping> mapping = mapping();
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    return usage(err, file + ": no such readable file");
                }
                InspectionReport report = FileInspectors.withMapping(mapping).inspect(file, format);
                boolean detected = format.isEmpty();
                out.print(json ? InspectionReportJson.render(report, detected) : InspectionReportText.render(report, detected));
                out.flush();
                return report.valid() ? SettleMain.EXIT_OK : SettleMain.EXIT_BUSINESS;
            } catch (UsageError e) {
                return usage(err, e.getMessage());
            } catch (UninspectableFileException e) {
                return usage(err, e.getMessage());
            } catch (IOException | UncheckedIOException e) {
                return usage(err, file + ": cannot be read: " + e.getMessage());
            }
        }

        private Optional<FileFormat> format() {
            if (formatName == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(FileFormat.fromCliName(formatName));
            } catch (IllegalArgumentException e) {
                throw new UsageError("unknown format '" + formatName + "'; one of " + formatNames());
            }
        }

        private Optional<GenericMapping> mapping() {
            if (mappingFile == null) {
                return Optional.empty();
            }
            try (InputStream in = Files.newInputStream(mappingFile)) {
                return Optional.of(GenericMapping.load(in, mappingFile.toString()));
            } catch (IOException e) {
                throw new UsageError(mappingFile + ": mapping cannot be read: " + e.getMessage());
            } catch (FormatException e) {
                throw new UsageError("bad mapping " + e.violation());
            }
        }

        private static int usage(PrintWriter err, String message) {
            err.println("settle files check: " + message);
            err.flush();
            return SettleMain.EXIT_USAGE;
        }

        private static String formatNames() {
            return Arrays.stream(FileFormat.values()).map(FileFormat::cliName).collect(Collectors.joining(", "));
        }
    }

    /** The --format names for --help, from the enum, so that a new format documents itself. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(FileFormat.values()).map(FileFormat::cliName).iterator();
        }
    }

    /** A bad option value found after parsing; becomes exit 2. */
    private static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
