package dev.settle.jobs.ingest;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.lock.FencingGuard;
import dev.settle.readerswriters.inbound.InboundParsers;
import dev.settle.readerswriters.inbound.StagedItem;
import dev.settle.readerswriters.inbound.StagingWriter;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: fetch (SFTP → registry) → load (one partition per file, chunked, restartable)
 * → publish (INGESTED / QUARANTINED / REJECTED, continuity, archive). Parameters: source and
 * businessDate, both identifying.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    /** Rows per committed chunk of the load step; also how far its parser may read ahead. */
    static final String CHUNK_SIZE = "${settle.ingest.chunk-size:1000}";

    @Bean
    FileRegistry fileRegistry(DataSource dataSource, Clock clock) {
        return new FileRegistry(dataSource, clock);
    }

    @Bean
    FileReview fileReview(DataSource dataSource, Clock clock) {
        return new FileReview(dataSource, clock);
    }

    @Bean
    Job ingestJob(JobRepository jobRepository, Step ingestFetchStep, Step ingestLoadStep, Step ingestPublishStep) {
        return new JobBuilder(IngestJob.NAME, jobRepository)
                .start(ingestFetchStep).next(ingestLoadStep).next(ingestPublishStep).build();
    }

    @Bean
    Step ingestFetchStep(JobRepository jobRepository, PlatformTransactionManager tx, SettleProperties settings,
                         FileRegistry registry) {
        return new StepBuilder("fetch", jobRepository).tasklet(new FetchTasklet(settings, registry), tx).build();
    }

    @Bean
    Step ingestLoadStep(JobRepository jobRepository, Step ingestLoadFileStep, PendingFilesPartitioner pendingFiles) {
        return new StepBuilder("load", jobRepository)
                .partitioner("loadFile", pendingFiles)
                .step(ingestLoadFileStep)
                .gridSize(1)
                .taskExecutor(new SyncTaskExecutor())
                .build();
    }

    @Bean
    @JobScope
    PendingFilesPartitioner pendingFilesPartitioner(FileRegistry registry,
                                                   @Value("#{jobParameters['source']}") String source,
                                                   @Value("#{jobExecution.id}") Long jobExecutionId) {
        return new PendingFilesPartitioner(registry, source, jobExecutionId);
    }

    @Bean
    Step ingestLoadFileStep(JobRepository jobRepository, PlatformTransactionManager tx,
                            @Value(CHUNK_SIZE) int chunkSize,
                            StagedItemReader stagedItemReader, StagingWriter stagingWriter) {
        return new StepBuilder("loadFile", jobRepository)
                .<StagedItem, StagedItem>chunk(chunkSize)
                .transactionManager(tx)
                .reader(stagedItemReader)
                .writer(stagingWriter)
                .build();
    }

    @Bean
    @StepScope
    StagedItemReader stagedItemReader(SettleProperties settings, FileRegistry registry, InboundParsers parsers,
                                      DataSource dataSource, @Value("#{stepExecution}") StepExecution stepExecution,
                                      @Value(CHUNK_SIZE) int chunkSize) {
        long fileId = stepExecution.getExecutionContext().getLong(PendingFilesPartitioner.FILE_ID_KEY);
        InboundFile file = registry.find(fileId).orElseThrow();
        var source = settings.source(file.source());
        return new StagedItemReader(parsers.forFormat(source.fileFormat()),
                LocalCopy.ensure(settings, source, file), file.remoteName(), fileId,
                source.errorThresholdRows(), stepExecution.getExecutionContext(), dataSource, chunkSize);
    }

    @Bean
    @StepScope
    StagingWriter stagingWriter(DataSource dataSource, FileRegistry registry, FencingGuard fencing,
                                @Value("#{stepExecution}") StepExecution stepExecution) {
        var context = stepExecution.getExecutionContext();
        long fileId = context.getLong(PendingFilesPartitioner.FILE_ID_KEY);
        InboundFile file = registry.find(fileId).orElseThrow();
        return new StagingWriter(dataSource, fileId, file.source(), (stagedRows, rejectedRecords) -> {
            registry.addStagedRows(fileId, stagedRows); // in the chunk's transaction: counts exactly the committed rows
            context.putLong(StagedItemReader.REJECTED_ROWS_KEY,
                    context.getLong(StagedItemReader.REJECTED_ROWS_KEY, 0L) + rejectedRecords);
        }, () -> fencing.check(stepExecution));
    }

    @Bean
    Step ingestPublishStep(JobRepository jobRepository, PlatformTransactionManager tx, SettleProperties settings,
                           DataSource dataSource, Clock clock, FencingGuard fencing) {
        return new StepBuilder("publish", jobRepository)
                .tasklet(new PublishTasklet(settings, dataSource, clock, fencing), tx).build();
    }
}
