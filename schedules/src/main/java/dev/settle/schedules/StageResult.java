package dev.settle.schedules;

import java.time.LocalDate;

/**
 * One job of a pipeline run.
 *
 * @param stage ingest, reconcile, settle or payout
 * @param scope what the job ran for besides the date (the source for ingest), "" otherwise
 * @param executionId the job execution, or null when nothing was started
 * @param message why, for anything but COMPLETED
 */
public record StageResult(String stage, LocalDate businessDate, String scope, StageOutcome outcome, Long executionId,
                          String message) {
}
