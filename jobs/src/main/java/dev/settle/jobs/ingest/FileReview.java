package dev.settle.jobs.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's decisions on inbound files the ingest job does not take alone, each audited in
 * {@code ingested_file_review} (who, when, why, from which status):
 * <ul>
 *   <li><b>release</b> a HELD new version of a known name: it becomes RECEIVED and the next ingest
 *       run of its source loads it (its rows then sit beside the earlier version's; lines that
 *       repeat are reconciled as DUPLICATE);</li>
 *   <li><b>reject</b> a HELD, RECEIVED or LOADING file: it becomes REJECTED and whatever rows were
 *       staged for it are deleted, so it is never visible. A LOADING file is refused while an
 *       execution is loading it; an interrupted one (e.g. its content changed on the server since
 *       it was recorded, so the load cannot go on) is what this is for: until then it blocks its
 *       source, every later ingest run resuming it first.</li>
 * </ul>
 * Thread-safe; each decision is one transaction holding the file's row.
 */
public final class FileReview {

    /** A refused decision, with a stable code for the CLI. */
    public static final class ReviewException extends RuntimeException {
        private final String code;

        ReviewException(String code, String message) {
            super(message);
            this.code = code;
        }

        /** NOT_FOUND, NOTE_REQUIRED, ACTOR_REQUIRED, WRONG_STATUS or BEING_LOADED. */
        public String code() {
            return code;
        }
    }

    /** A row of {@code ingested_file} as finance looks at it. */
    public record Listed(long id, String source, String remoteName, int nameVersion, LocalDate businessDate, String status,
                         String statusReason, Instant receivedAt, long sizeBytes, String sha256, long rowsWritten,
                         long rowsSkipped) {
    }

    private static final Set<FileStatus> REJECTABLE = Set.of(FileStatus.HELD, FileStatus.RECEIVED, FileStatus.LOADING);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public FileReview(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** Files, newest first; a null filter means "any". */
    public List<Listed> list(String source, FileStatus status, LocalDate businessDate, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ingested_file WHERE true");
        List<Object> args = new ArrayList<>();
        if (source != null) {
            sql.append(" AND source = ?");
            args.add(source);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (businessDate != null) {
            sql.append(" AND business_date = ?");
            args.add(businessDate);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), LISTED, args.toArray());
    }

    private static final RowMapper<Listed> LISTED = (rs, row) -> new Listed(rs.getLong("id"), rs.getString("source"),
            rs.getString("remote_name"), rs.getInt("name_version"), rs.getObject("business_date", LocalDate.class),
            rs.getString("status"), rs.getString("status_reason"), rs.getTimestamp("received_at").toInstant(),
            rs.getLong("size_bytes"), rs.getString("sha256"), rs.getLong("rows_written"), rs.getLong("rows_skipped"));

    /** HELD → RECEIVED: the next ingest run of the file's source loads it. */
    public Listed release(long fileId, String actor, String note) {
        return decide(fileId, actor, note, "RELEASE", Set.of(FileStatus.HELD), FileStatus.RECEIVED);
    }

    /** HELD, RECEIVED or (no longer being loaded) LOADING → REJECTED, staged rows deleted. */
    public Listed reject(long fileId, String actor, String note) {
        return decide(fileId, actor, note, "REJECT", REJECTABLE, FileStatus.REJECTED);
    }

    private Listed decide(long fileId, String actor, String note, String action, Set<FileStatus> from, FileStatus to) {
        String done = to == FileStatus.RECEIVED ? "released" : "rejected";
        if (note == null || note.isBlank()) {
            throw new ReviewException("NOTE_REQUIRED", "a note saying why is required to " + action.toLowerCase() + " a file");
        }
        if (actor == null || actor.isBlank()) {
            throw new ReviewException("ACTOR_REQUIRED", "who decides is required to " + action.toLowerCase() + " a file");
        }
        tx.executeWithoutResult(status -> {
            List<String> current = jdbc.queryForList("SELECT status FROM ingested_file WHERE id = ? FOR UPDATE", String.class, fileId);
            if (current.isEmpty()) {
                throw new ReviewException("NOT_FOUND", "no inbound file " + fileId);
            }
            FileStatus was = FileStatus.valueOf(current.get(0));
            if (!from.contains(was)) {
                throw new ReviewException("WRONG_STATUS", "file " + fileId + " is " + was + "; only " + names(from)
                        + " files can be " + done);
            }
            if (was == FileStatus.LOADING) {
                Long running = runningExecution(fileId);
                if (running != null) {
                    throw new ReviewException("BEING_LOADED", "file " + fileId + " is being loaded by execution " + running
                            + "; stop it first (./settle stop " + running + "), or, if its node died, let a restart mark it "
                            + "FAILED (./settle restart " + running + ")");
                }
            }
            Timestamp now = Timestamp.from(clock.instant());
            if (to == FileStatus.REJECTED) {
                FileRegistry.discardStagedRows(jdbc, fileId);
            }
            jdbc.update("""
                    UPDATE ingested_file SET status = ?, status_reason = ?, status_changed_at = ?, rows_written = 0
                     WHERE id = ?""", to.name(), done + " by " + actor + ": " + note,
                    now, fileId);
            jdbc.update("""
                    INSERT INTO ingested_file_review (file_id, action, from_status, to_status, actor, note, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", fileId, action, was.name(), to.name(), actor, note, now);
        });
        return jdbc.queryForObject("SELECT * FROM ingested_file WHERE id = ?", LISTED, fileId);
    }

    /** The execution that marked the file LOADING, when it is still running (Spring Batch's own record). */
    private Long runningExecution(long fileId) {
        List<Long> running = jdbc.queryForList("""
                SELECT e.job_execution_id FROM ingested_file f
                  JOIN batch_job_execution e ON e.job_execution_id = f.job_execution_id
                 WHERE f.id = ? AND e.status IN ('STARTING', 'STARTED', 'STOPPING')""", Long.class, fileId);
        return running.isEmpty() ? null : running.get(0);
    }

    private static String names(Set<FileStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElse("");
    }
}
