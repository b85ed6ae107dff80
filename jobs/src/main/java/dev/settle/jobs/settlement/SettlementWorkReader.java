package dev.settle.jobs.settlement;

import dev.settle.money.CurrencyUnit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one hash partition of the settle step as one {@link SettlementWork} per unsettled
 * merchant and currency: the candidate pairs in order, merged with one streaming cursor over the
 * partition's reconciled gateway items in the same order. One query per partition instead of one
 * per pair: the database answers it with hash joins over the whole day instead of an index probe
 * per item.
 *
 * <p>The cursor runs on its own connection, outside the chunk transactions (each pair is settled
 * in its own chunk). Restartable without saved state: a restart reads the pairs still unsettled.
 */
/* Not final: step-scoped beans are proxied by subclassing. */
public class SettlementWorkReader implements ItemStreamReader<SettlementWork> {

    private static final int FETCH_ROWS = 10_000;

    private final SettlementService service;
    private final DataSource dataSource;
    private final LocalDate businessDate;
    private final int partition;
    private final int partitions;

    private List<SettlementService.Key> candidates;
    private int nextCandidate;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean rowPending;

    public SettlementWorkReader(SettlementService service, DataSource dataSource, LocalDate businessDate, int partition,
                                int partitions) {
        this.service = service;
        this.dataSource = dataSource;
        this.businessDate = businessDate;
        this.partition = partition;
        this.partitions = partitions;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        candidates = service.candidates(businessDate, partition, partitions);
        nextCandidate = 0;
        if (candidates.isEmpty()) {
            return;
        }
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
            connection.setReadOnly(true);
            try (var settings = connection.createStatement()) {
                // the planner cannot know that a hash partition is 1/n of the rows (it assumes 1/200),
                // nor, without statistics, how big the day is: it picked nested loops probing the
                // match history per item (20k payments took 28 s; with statistics, one partition of
                // a 1M-payment day ran for minutes). Hash joins take seconds either way.
                settings.execute("SET LOCAL enable_nestloop = off");
            }
            statement = ReconciledGatewayItems.ofPartition(connection, businessDate, partition, partitions);
            statement.setFetchSize(FETCH_ROWS);
            rows = statement.executeQuery();
            rowPending = rows.next();
        } catch (SQLException e) {
            close();
            throw new ItemStreamException("could not read the reconciled items of partition " + partition + " of "
                    + partitions + " for " + businessDate, e);
        }
    }

    @Override
    public SettlementWork read() throws SQLException {
        if (candidates == null || nextCandidate >= candidates.size()) {
            return null;
        }
        SettlementService.Key key = candidates.get(nextCandidate++);
        CurrencyUnit ccy = CurrencyUnit.of(key.currency());
        List<ReconciledGatewayItems.Row> rowsOfPair = new ArrayList<>();
        // rows of pairs that are not candidates (not configured, or already settled) sort before the
        // next candidate and are passed over
        while (rowPending && compare(key) > 0) {
            rowPending = rows.next();
        }
        while (rowPending && compare(key) == 0) {
            rowsOfPair.add(ReconciledGatewayItems.row(rows, ccy));
            rowPending = rows.next();
        }
        List<SettlementItem> items = ReconciledGatewayItems.inStatementOrder(rowsOfPair);
        return new SettlementWork(key, items);
    }

    /** Compares the key with the current row's pair: positive when the row sorts before the key. */
    private int compare(SettlementService.Key key) throws SQLException {
        int byMerchant = key.merchantId().compareTo(ReconciledGatewayItems.merchantId(rows));
        return byMerchant != 0 ? byMerchant : key.currency().compareTo(ReconciledGatewayItems.currency(rows));
    }

    @Override
    public void update(ExecutionContext executionContext) {
        // nothing to save: a restart reads the pairs that are still unsettled
    }

    @Override
    public void close() {
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.rollback();
                connection.close();
            }
        } catch (SQLException e) {
            throw new ItemStreamException("could not close the reconciled-items cursor", e);
        } finally {
            rows = null;
            statement = null;
            connection = null;
        }
    }
}
