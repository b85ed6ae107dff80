package dev.settle.jobs.reconcile;

import java.time.Instant;

/** One audited action on an exception: who, when, what and why. */
public record ExceptionAction(String action, String actor, String note, Instant at) {
}
