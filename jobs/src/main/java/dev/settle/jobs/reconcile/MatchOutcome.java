package dev.settle.jobs.reconcile;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every outcome of reconciliation, one enum, in order of precedence: when several describe an
 * item, the earlier one is reported. Only the first two are final matches; every other outcome is
 * an exception (immediately, or once its aging window has passed for the "missing" ones).
 */
public enum MatchOutcome {
    MATCHED(true),
    /** Differs by no more than the rule's tolerance; the difference is stored and attributed. */
    MATCHED_WITHIN_TOLERANCE(true),
    AMOUNT_MISMATCH(false),
    CURRENCY_MISMATCH(false),
    /** Our capture/refund is not in the gateway report: pending until the aging threshold. */
    MISSING_IN_GATEWAY(false),
    /** The gateway settled something we never recorded: an exception at once. */
    MISSING_INTERNALLY(false),
    /** The same gateway reference a second time. */
    DUPLICATE(false),
    /** A bank credit that pays no known gateway payout batch. */
    UNMATCHED_BANK_CREDIT(false),
    /** A gateway payout batch whose money has not arrived at the bank within the window. */
    MISSING_BANK_CREDIT(false),
    /** One of our payouts not debited from our bank account within the window. */
    MISSING_BANK_DEBIT(false),
    /** A bank debit carrying one of our payout references that matches no payout. */
    UNMATCHED_BANK_DEBIT(false);

    /**
     * The final outcomes as an SQL list, {@code ('MATCHED', 'MATCHED_WITHIN_TOLERANCE')}, for
     * {@code outcome IN ...}: derived from {@link #finalMatch()}, so the queries that freeze,
     * count or raise results cannot disagree with it.
     */
    public static final String FINAL_SQL_LIST = Arrays.stream(values()).filter(MatchOutcome::finalMatch)
            .map(o -> "'" + o.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final boolean finalMatch;

    MatchOutcome(boolean finalMatch) {
        this.finalMatch = finalMatch;
    }

    public boolean finalMatch() {
        return finalMatch;
    }

    /** Attribution of a difference: why two amounts that match by key differ. */
    public enum Attribution { NONE, ROUNDING, FEE, FX, UNEXPLAINED }
}
