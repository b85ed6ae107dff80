package dev.settle.jobs.ingest;

import dev.settle.formats.FormatException;
import dev.settle.formats.Violation;
import dev.settle.readerswriters.inbound.InboundCursor;
import dev.settle.readerswriters.inbound.InboundParser;
import dev.settle.readerswriters.inbound.ReadAheadCursor;
import dev.settle.readerswriters.inbound.StagedItem;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one inbound file as staged items for the load step. Restartable: the item count is saved
 * with every committed chunk ({@code stagedItems.read.count}) and a restart skips that many items.
 *
 * <p>Stops early (a clean end) when the file cannot be read further — the fatal violation is
 * recorded and the file is REJECTED at publish — or when the writer has counted more rejected rows
 * than the source allows — the file is QUARANTINED at publish.
 */
/* Not final: step-scoped beans are proxied by subclassing. */
public class StagedItemReader extends AbstractItemCountingItemStreamItemReader<StagedItem> {

    static final String REJECTED_ROWS_KEY = "ingest.rejectedRows";

    private final InboundParser parser;
    private final Path localFile;
    private final String displayName;
    private final long fileId;
    private final long errorThresholdRows;
    private final ExecutionContext stepContext;
    private final JdbcTemplate jdbc;
    private final int chunkSize;
    private InboundCursor cursor;

    public StagedItemReader(InboundParser parser, Path localFile, String displayName, long fileId,
                            long errorThresholdRows, ExecutionContext stepContext, DataSource dataSource, int chunkSize) {
        this.parser = parser;
        this.localFile = localFile;
        this.displayName = displayName;
        this.fileId = fileId;
        this.errorThresholdRows = errorThresholdRows;
        this.stepContext = stepContext;
        this.jdbc = new JdbcTemplate(dataSource);
        this.chunkSize = chunkSize;
        setName("stagedItems");
    }

    @Override
    protected void doOpen() throws Exception {
        // parsing runs on its own thread up to one chunk ahead, so the next chunk is parsed while
        // this one is written (the step reads a whole chunk before it writes any of it)
        cursor = new ReadAheadCursor(parser.open(localFile, displayName), displayName, chunkSize);
    }

    @Override
    protected StagedItem doRead() {
        if (stepContext.getLong(REJECTED_ROWS_KEY, 0L) > errorThresholdRows) {
            return null; // quarantined: no point reading on
        }
        try {
            return cursor.next();
        } catch (FormatException e) {
            recordFatal(e.violation());
            return null;
        }
    }

    private void recordFatal(Violation v) {
        // inside the chunk transaction: committed with the chunk that ends the step
        jdbc.update("""
                INSERT INTO ingest_error (file_id, line_no, record_type, field, raw_value, code, reason, fatal)
                VALUES (?, ?, ?, ?, ?, ?, ?, true) ON CONFLICT DO NOTHING""", fileId, v.line(),
                v.recordType() == null ? "" : v.recordType(), v.field() == null ? "" : v.field(),
                v.rawValue() == null ? "" : v.rawValue(), v.code().code(), v.message());
    }

    @Override
    protected void doClose() throws Exception {
        if (cursor != null) {
            cursor.close();
        }
    }
}
