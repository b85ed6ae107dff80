package dev.settle.jobs.ingest;

import java.time.LocalDate;

/** A row of {@code ingested_file}. */
public record InboundFile(long id, String source, String format, String remoteName, int nameVersion, long sizeBytes,
                          String sha256, LocalDate businessDate, FileStatus status, Long duplicateOfId) {
}
