package dev.settle.jobs.lock;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enforces job-lock fencing tokens in the database (table {@code job_fence}).
 *
 * <p>{@link #claim} is called right after a node took a lock: it raises the lock's row to the new
 * token (waiting for transactions of the previous holder that are committing right now).
 * {@link #check} is called by every writer that commits business data, <em>inside</em> the
 * transaction that commits it: it share-locks the row and requires the row still to hold the
 * writer's token. A node whose lock expired and was taken by another (so the row holds a larger
 * token) gets a {@link FencedOffException} and its transaction rolls back — even after a GC pause
 * or a network partition during which it never learnt that it lost the lock. Share locks let the
 * parallel partitions of one job check concurrently. Thread-safe.
 *
 * <p>The token travels with the job execution as the non-identifying job parameters
 * {@value #LOCK_PARAMETER} and {@value #TOKEN_PARAMETER} (stored in BATCH_JOB_EXECUTION_PARAMS).
 * An execution without them (a job started outside {@code JobRunner}, e.g. in a unit test) is not
 * fenced.
 */
public final class FencingGuard {

    /** Non-identifying job parameter: the lock the execution runs under. */
    public static final String LOCK_PARAMETER = "fence.lock";
    /** Non-identifying job parameter: the fencing token taken with the lock. */
    public static final String TOKEN_PARAMETER = "fence.token";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public FencingGuard(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /**
     * Records that {@code holder} now holds {@code lockName} with {@code token}; own transaction.
     *
     * @throws FencedOffException when the row already holds a larger token (the Redis counter went
     *     backwards, e.g. Redis was flushed: an operator must look; see the runbook)
     */
    public void claim(String lockName, long token, String holder) {
        int rows = jdbc.update("""
                INSERT INTO job_fence (lock_name, token, holder, claimed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (lock_name) DO UPDATE SET token = EXCLUDED.token, holder = EXCLUDED.holder,
                       claimed_at = EXCLUDED.claimed_at
                 WHERE job_fence.token <= EXCLUDED.token""",
                lockName, token, holder, Timestamp.from(clock.instant()));
        if (rows == 0) {
            throw new FencedOffException(lockName, token, current(lockName),
                    "the database already saw a newer token; was the Redis counter reset?");
        }
    }

    /** Checks the fencing token of the step's job execution; no-op for unfenced executions. */
    public void check(StepExecution stepExecution) {
        JobParameters parameters = stepExecution.getJobExecution().getJobParameters();
        String lockName = parameters.getString(LOCK_PARAMETER);
        Long token = parameters.getLong(TOKEN_PARAMETER);
        if (lockName != null && token != null) {
            check(lockName, token);
        }
    }

    /**
     * Must run inside the transaction that commits the guarded writes.
     *
     * @throws FencedOffException when another node took the lock since
     * @throws IllegalStateException when called outside a transaction (a programming error)
     */
    public void check(String lockName, long token) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("FencingGuard.check outside a transaction protects nothing");
        }
        List<Long> current = jdbc.queryForList("SELECT token FROM job_fence WHERE lock_name = ? FOR SHARE",
                Long.class, lockName);
        if (current.isEmpty() || current.get(0) != token) {
            throw new FencedOffException(lockName, token, current.isEmpty() ? null : current.get(0),
                    "another node took the lock; this node must not commit");
        }
    }

    /** The token the database holds for a lock, or null. */
    public Long current(String lockName) {
        List<Long> tokens = jdbc.queryForList("SELECT token FROM job_fence WHERE lock_name = ?", Long.class, lockName);
        return tokens.isEmpty() ? null : tokens.get(0);
    }

    /** A write was refused because its fencing token is stale. */
    public static final class FencedOffException extends RuntimeException {
        private final String lockName;
        private final long token;

        FencedOffException(String lockName, long token, Long current, String why) {
            super("fenced off: lock " + lockName + " token " + token + " but the database holds "
                    + (current == null ? "none" : current) + " (" + why + ")");
            this.lockName = lockName;
            this.token = token;
        }

        public String lockName() {
            return lockName;
        }

        public long token() {
            return token;
        }
    }
}
