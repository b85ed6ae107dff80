package dev.settle.readerswriters.inbound;

import dev.settle.formats.Violation;
import dev.settle.readerswriters.db.BinaryCopyIn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes one chunk of staged items of one file inside the chunk's transaction: gateway lines and
 * bank entries with PostgreSQL {@code COPY} (on the transaction's own connection, so a rolled-back
 * chunk leaves no rows), statement headers and rejected records with plain inserts.
 *
 * <p>Rows are keyed by (file, line/entry number), so a chunk replayed after a crash cannot be
 * stored twice: the COPY fails on the primary key instead.
 */
public class StagingWriter implements ItemWriter<StagedItem> {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final long fileId;
    private final String source;
    private final ChunkTally tally;
    private final Runnable guard;

    /**
     * What one chunk stored, reported at the end of {@link #write} inside the chunk's transaction, so
     * a tally kept in the database commits or rolls back with the rows it counts.
     */
    public interface ChunkTally {
        /**
         * @param stagedRows gateway lines and bank entries the chunk stored
         * @param rejectedRecords records of the chunk rejected into {@code ingest_error}
         */
        void add(long stagedRows, long rejectedRecords);
    }

    public StagingWriter(DataSource dataSource, long fileId, String source, ChunkTally tally) {
        this(dataSource, fileId, source, tally, () -> { });
    }

    /**
     * @param guard runs first in every {@link #write}, inside the chunk's transaction; throwing
     *     rolls the chunk back (the jobs use it to enforce the job lock's fencing token)
     */
    public StagingWriter(DataSource dataSource, long fileId, String source, ChunkTally tally, Runnable guard) {
        this.guard = guard;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.fileId = fileId;
        this.source = source;
        this.tally = tally;
    }

    private static final String GATEWAY_COPY = "COPY gateway_report_line (file_id, line_no, source, record_type, "
            + "merchant_account, psp_reference, merchant_reference, modification_reference, batch_number, booked_at, "
            + "currency, gross_minor, net_currency, net_minor, commission_minor, markup_minor, scheme_fees_minor, "
            + "interchange_minor, payment_method) FROM STDIN (FORMAT binary)";
    private static final String ENTRY_COPY = "COPY bank_entry (file_id, entry_no, statement_no, line_no, account, "
            + "currency, amount_minor, reversal, booking_date, value_date, end_to_end_id, bank_reference, "
            + "remittance_info, counterparty, type_code) FROM STDIN (FORMAT binary)";

    @Override
    public void write(Chunk<? extends StagedItem> chunk) throws Exception {
        guard.run();
        List<Object[]> statements = new ArrayList<>();
        List<Object[]> errors = new ArrayList<>();
        long rejectedRecords = 0;
        long stagedRows = 0;
        if (entryNo < 0) {
            // first chunk of this step run: continue numbering after what committed chunks stored
            entryNo = jdbc.queryForObject("SELECT coalesce(max(entry_no), 0) FROM bank_entry WHERE file_id = ?",
                    Long.class, fileId);
        }
        // rows stream to the server while the rest of the chunk is rendered; the other statements wait
        // until the COPY has ended (a connection runs one command at a time)
        Connection connection = DataSourceUtils.getConnection(dataSource); // the chunk transaction's connection
        BinaryCopyIn copy = null;
        String copySql = null;
        try {
            for (StagedItem item : chunk) {
                String needed = item instanceof GatewayLine ? GATEWAY_COPY : item instanceof BankEntryLine ? ENTRY_COPY : null;
                if (needed != null && !needed.equals(copySql)) {
                    if (copy != null) {
                        copy.finish();
                    }
                    copy = BinaryCopyIn.open(connection, needed);
                    copySql = needed;
                }
                if (item instanceof GatewayLine g) {
                    gatewayRow(copy, g);
                    stagedRows++;
                } else if (item instanceof BankEntryLine e) {
                    entryRow(copy, e);
                    stagedRows++;
                } else if (item instanceof BankStatementHeader h) {
                    statements.add(new Object[] {fileId, h.statementNo(), h.account(), h.statementRef(), h.sequenceNo(),
                            h.currency(), h.openingMinor(), h.openingDate(), h.closingMinor(), h.closingDate()});
                } else if (item instanceof RejectedRecord r) {
                    r.violations().forEach(v -> errors.add(errorRow(v)));
                    rejectedRecords++;
                }
            }
            if (copy != null) {
                copy.finish();
            }
        } finally {
            if (copy != null) {
                copy.close();
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        if (!statements.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO bank_statement (file_id, statement_no, account, statement_ref, sequence_no, currency,
                                                opening_minor, opening_date, closing_minor, closing_date)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statements);
        }
        if (!errors.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO ingest_error (file_id, line_no, record_type, field, raw_value, code, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", errors);
        }
        tally.add(stagedRows, rejectedRecords);
    }

    /** Last entry number written; -1 until the first chunk looked it up. */
    private long entryNo = -1;

    /** One value per column of {@link #GATEWAY_COPY}, in its order and of its type. */
    private void gatewayRow(BinaryCopyIn copy, GatewayLine g) throws SQLException {
        copy.row(19).int8(fileId).int8(g.lineNo()).text(source).text(g.recordType()).text(g.merchantAccount())
                .text(g.pspReference()).text(g.merchantReference()).text(g.modificationReference()).int8(g.batchNumber())
                .timestamptz(g.bookedAt()).text(g.currency()).int8(g.grossMinor()).text(g.netCurrency()).int8(g.netMinor())
                .int8(g.commissionMinor()).int8(g.markupMinor()).int8(g.schemeFeesMinor()).int8(g.interchangeMinor())
                .text(g.paymentMethod());
    }

    /** One value per column of {@link #ENTRY_COPY}, in its order and of its type. */
    private void entryRow(BinaryCopyIn copy, BankEntryLine e) throws SQLException {
        entryNo++;
        copy.row(15).int8(fileId).int8(entryNo).int4(e.statementNo()).int8(e.lineNo()).text(e.account()).text(e.currency())
                .int8(e.amountMinor()).bool(e.reversal()).date(e.bookingDate()).date(e.valueDate()).text(e.endToEndId())
                .text(e.bankReference()).text(e.remittanceInfo()).text(e.counterparty()).text(e.typeCode());
    }

    private Object[] errorRow(Violation v) {
        return new Object[] {fileId, v.line(), nz(v.recordType()), nz(v.field()), truncate(nz(v.rawValue()), 500),
                v.code().code(), v.message()};
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
