package dev.settle.jobs.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Per bank account, statements must follow each other: sequence number + 1, and opening balance =
 * the previous closing balance. A break is raised as a reconciliation exception (once, by dedup
 * key), never as a crash: the statement is still ingested, finance decides.
 */
final class StatementContinuity {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StatementContinuity(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Statement(long fileId, int statementNo, String account, String currency, Long sequenceNo,
                             Long openingMinor, Long closingMinor, LocalDate businessDate) {
    }

    void check(long fileId) {
        List<Statement> statements = jdbc.query("""
                SELECT s.*, f.business_date FROM bank_statement s JOIN ingested_file f ON f.id = s.file_id
                 WHERE s.file_id = ? ORDER BY s.statement_no""", (rs, n) -> new Statement(rs.getLong("file_id"),
                rs.getInt("statement_no"), rs.getString("account"), rs.getString("currency"),
                (Long) rs.getObject("sequence_no"), (Long) rs.getObject("opening_minor"),
                (Long) rs.getObject("closing_minor"), rs.getObject("business_date", LocalDate.class)), fileId);
        for (Statement current : statements) {
            Statement previous = previous(current);
            if (previous == null) {
                continue;
            }
            if (current.sequenceNo() != null && previous.sequenceNo() != null
                    && current.sequenceNo() != previous.sequenceNo() + 1) {
                raise(current, "STATEMENT_SEQUENCE_GAP", null,
                        "statement " + current.sequenceNo() + " of account " + current.account()
                                + " follows statement " + previous.sequenceNo());
            }
            if (current.openingMinor() != null && previous.closingMinor() != null
                    && !current.openingMinor().equals(previous.closingMinor())) {
                raise(current, "STATEMENT_BALANCE_BREAK", Math.subtractExact(current.openingMinor(), previous.closingMinor()),
                        "opening balance " + current.openingMinor() + " of account " + current.account()
                                + " differs from the previous closing balance " + previous.closingMinor() + " (minor units)");
            }
        }
    }

    /** The statement just before this one for the same account: earlier in the file, or in an earlier ingested file. */
    private Statement previous(Statement current) {
        List<Statement> found = jdbc.query("""
                SELECT s.*, f.business_date FROM bank_statement s JOIN ingested_file f ON f.id = s.file_id
                 WHERE s.account = ? AND s.currency = ? AND f.status = 'INGESTED'
                   AND (s.file_id < ? OR (s.file_id = ? AND s.statement_no < ?))
                 ORDER BY s.file_id DESC, s.statement_no DESC LIMIT 1""", (rs, n) -> new Statement(rs.getLong("file_id"),
                rs.getInt("statement_no"), rs.getString("account"), rs.getString("currency"),
                (Long) rs.getObject("sequence_no"), (Long) rs.getObject("opening_minor"),
                (Long) rs.getObject("closing_minor"), rs.getObject("business_date", LocalDate.class)),
                current.account(), current.currency(), current.fileId(), current.fileId(), current.statementNo());
        return found.isEmpty() ? null : found.get(0);
    }

    private void raise(Statement s, String type, Long amountMinor, String details) {
        jdbc.update("""
                INSERT INTO recon_exception (business_date, type, currency, amount_minor, reference, details, dedup_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING""",
                s.businessDate(), type, s.currency(), amountMinor, s.account(), details,
                type + ":" + s.fileId() + ":" + s.statementNo(), Timestamp.from(clock.instant()));
    }
}
