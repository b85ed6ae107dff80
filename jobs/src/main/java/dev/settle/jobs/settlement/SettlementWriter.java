package dev.settle.jobs.settlement;

import dev.settle.jobs.lock.FencingGuard;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The settle step's writer: settles each merchant and currency of the chunk, in the chunk's
 * transaction, after checking that this node still holds the job's lock, and counts the
 * outcomes in the step's context ({@code outcome.SETTLED}, {@code outcome.NOT_CONFIGURED}, ...).
 */
/* Not final: step-scoped beans are proxied by subclassing. */
public class SettlementWriter implements ItemWriter<SettlementWork> {

    private static final Logger LOG = LoggerFactory.getLogger(SettlementWriter.class);

    private final SettlementService service;
    private final FencingGuard fencing;
    private final LocalDate businessDate;
    private final StepExecution stepExecution;

    public SettlementWriter(SettlementService service, FencingGuard fencing, LocalDate businessDate, StepExecution stepExecution) {
        this.service = service;
        this.fencing = fencing;
        this.businessDate = businessDate;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends SettlementWork> chunk) {
        fencing.check(stepExecution); // inside the chunk's transaction: a node that lost its lock settles nothing
        for (SettlementWork work : chunk) {
            SettlementService.Outcome outcome = service.settle(work, businessDate);
            var ctx = stepExecution.getExecutionContext();
            ctx.putLong("outcome." + outcome, ctx.getLong("outcome." + outcome, 0L) + 1);
            if (outcome == SettlementService.Outcome.LATER_DATE_EXISTS) {
                LOG.warn("{} {} not settled for {}: a settlement for a later date exists", work.key().merchantId(),
                        work.key().currency(), businessDate);
            }
        }
    }
}
