package dev.settle.jobs.ingest;

import dev.settle.readerswriters.sftp.DownloadedFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of every inbound file ({@code ingested_file}): exactly once by content per source.
 * Thread-safe; concurrent registrations of the same content meet at the database's unique index.
 */
public final class FileRegistry {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public FileRegistry(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /**
     * Records a downloaded file. The same content seen again becomes a DUPLICATE record (once per
     * remote name) pointing at the first; a known name with new content becomes a new version,
     * HELD for review unless {@code ingestNewVersions}.
     */
    public InboundFile register(String source, String sourceKind, String format, DownloadedFile file,
                                LocalDate businessDate, boolean ingestNewVersions) {
        return tx.execute(status -> {
            Optional<InboundFile> sameContent = first("""
                    SELECT * FROM ingested_file WHERE source = ? AND sha256 = ? AND status <> 'DUPLICATE'""",
                    source, file.sha256Hex());
            if (sameContent.isPresent()) {
                Optional<InboundFile> seen = first("""
                        SELECT * FROM ingested_file WHERE source = ? AND sha256 = ? AND status = 'DUPLICATE'
                           AND remote_name = ?""", source, file.sha256Hex(), file.remote().name());
                if (sameContent.get().remoteName().equals(file.remote().name()) || seen.isPresent()) {
                    return seen.orElse(asDuplicateView(sameContent.get()));
                }
                return insert(source, sourceKind, format, file, businessDate, 1, FileStatus.DUPLICATE,
                        sameContent.get().id(), "same content as file " + sameContent.get().id());
            }
            Integer lastVersion = jdbc.queryForObject("""
                    SELECT max(name_version) FROM ingested_file WHERE source = ? AND remote_name = ? AND status <> 'DUPLICATE'""",
                    Integer.class, source, file.remote().name());
            if (lastVersion == null) {
                return insert(source, sourceKind, format, file, businessDate, 1, FileStatus.RECEIVED, null, "");
            }
            FileStatus status2 = ingestNewVersions ? FileStatus.RECEIVED : FileStatus.HELD;
            return insert(source, sourceKind, format, file, businessDate, lastVersion + 1, status2, null,
                    "same name as version " + lastVersion + " with different content");
        });
    }

    /** The same content seen again under the same name: reported, not recorded again. */
    private static InboundFile asDuplicateView(InboundFile original) {
        return new InboundFile(original.id(), original.source(), original.format(), original.remoteName(),
                original.nameVersion(), original.sizeBytes(), original.sha256(), original.businessDate(),
                FileStatus.DUPLICATE, original.id());
    }

    private InboundFile insert(String source, String kind, String format, DownloadedFile file, LocalDate date,
                               int version, FileStatus status, Long duplicateOf, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        Long id = jdbc.queryForObject("""
                INSERT INTO ingested_file (source, source_kind, format, remote_name, name_version, size_bytes, sha256,
                                           business_date, received_at, status, duplicate_of_id, status_reason, status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                source, kind, format, file.remote().name(), version, file.sizeBytes(), file.sha256Hex(), date, now,
                status.name(), duplicateOf, reason, now);
        return find(id).orElseThrow();
    }

    /** Files of the source still to be staged (RECEIVED, or LOADING after an interruption), oldest first. */
    public List<InboundFile> loadable(String source) {
        return jdbc.query("SELECT * FROM ingested_file WHERE source = ? AND status IN ('RECEIVED', 'LOADING') ORDER BY id",
                FileRegistry::map, source);
    }

    /** Marks the file LOADING by this execution; false when it is no longer RECEIVED or LOADING (rejected meanwhile). */
    public boolean markLoading(long fileId, long jobExecutionId) {
        Timestamp now = Timestamp.from(clock.instant());
        return 1 == jdbc.update("""
                UPDATE ingested_file SET status = 'LOADING', job_execution_id = ?, status_changed_at = ?,
                       loading_started_at = coalesce(loading_started_at, ?)
                 WHERE id = ? AND status IN ('RECEIVED', 'LOADING')""", jobExecutionId, now, now, fileId);
    }

    /**
     * Counts rows a load chunk staged for the file. Called inside the chunk's transaction, so
     * {@code rows_written} of a LOADING file is exactly the rows its committed chunks stored (what a
     * restart resumes after; {@code ./settle inbound list} shows it as progress) and publish needs no
     * count of the staged rows.
     */
    public void addStagedRows(long fileId, long rows) {
        if (rows > 0) {
            jdbc.update("UPDATE ingested_file SET rows_written = rows_written + ? WHERE id = ?", rows, fileId);
        }
    }

    /**
     * Deletes every row staged for the file (report lines, bank entries, statements), in the
     * caller's transaction: a quarantined, rejected or refused file leaves nothing behind.
     */
    static void discardStagedRows(JdbcTemplate jdbc, long fileId) {
        jdbc.update("DELETE FROM gateway_report_line WHERE file_id = ?", fileId);
        jdbc.update("DELETE FROM bank_entry WHERE file_id = ?", fileId);
        jdbc.update("DELETE FROM bank_statement WHERE file_id = ?", fileId);
    }

    public Optional<InboundFile> find(long id) {
        return first("SELECT * FROM ingested_file WHERE id = ?", id);
    }

    public List<InboundFile> all(String source) {
        return jdbc.query("SELECT * FROM ingested_file WHERE source = ? ORDER BY id", FileRegistry::map, source);
    }

    private Optional<InboundFile> first(String sql, Object... args) {
        return jdbc.query(sql, FileRegistry::map, args).stream().findFirst();
    }

    static InboundFile map(ResultSet rs, int row) throws SQLException {
        return new InboundFile(rs.getLong("id"), rs.getString("source"), rs.getString("format"),
                rs.getString("remote_name"), rs.getInt("name_version"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getObject("business_date", LocalDate.class), FileStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("duplicate_of_id"));
    }
}
