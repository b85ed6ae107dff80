package dev.settle.schedules;

/** What happened to one job of a pipeline run, ordered from good to bad. */
public enum StageOutcome {
    /** Ran now and completed. */
    COMPLETED,
    /** Completed earlier (by this or another node); not run again. */
    ALREADY_COMPLETED,
    /** The job is not deployed in this build (e.g. settle/payout before they land). */
    SKIPPED_NOT_DEPLOYED,
    /** Not started because an earlier stage did not complete. */
    NOT_STARTED,
    /** Another node holds the lock and is running it. */
    RUNNING_ELSEWHERE,
    /** Stopped by an operator ({@code settle stop}); restartable. */
    STOPPED,
    /** Failed; restartable from its last committed chunk. */
    FAILED;

    /** Whether the next stage may start after this one. */
    public boolean lets_next_start() {
        return this == COMPLETED || this == ALREADY_COMPLETED || this == SKIPPED_NOT_DEPLOYED;
    }
}
