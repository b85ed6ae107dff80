package dev.settle.jobs.ingest;

/** Life of an inbound file; only INGESTED rows are visible to reconciliation. */
public enum FileStatus {
    /** Downloaded, checksummed and recorded; rows not staged yet. */
    RECEIVED,
    /** Rows are being staged by a load step (possibly interrupted: a restart resumes it). */
    LOADING,
    /** All rows staged and published: visible to later jobs. Terminal. */
    INGESTED,
    /** Same content as a file already recorded; nothing staged. Terminal. */
    DUPLICATE,
    /** A known name with new content, waiting for finance to review (on-new-version = hold). */
    HELD,
    /** More bad rows than the source's threshold; staged rows discarded. Terminal. */
    QUARANTINED,
    /** Unreadable (broken structure, truncated, wrong encoding). Terminal. */
    REJECTED
}
