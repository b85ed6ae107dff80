package dev.settle.jobs.payout;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.ingest.FileRegistry;
import dev.settle.jobs.ingest.FileStatus;
import dev.settle.jobs.ingest.InboundFile;
import dev.settle.readerswriters.sftp.DownloadedFile;
import dev.settle.readerswriters.sftp.RemoteFile;
import dev.settle.readerswriters.sftp.SftpClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 1 of the payout job: fetch each bank's return files (NACHA returns {@code *.ach}, pain.002
 * status reports {@code *.xml}) from its SFTP returns directory, record each once by checksum in
 * the file registry (source {@code <bank>-returns}), and apply it with {@link PayoutReturns}.
 * A file is marked INGESTED after it is applied; applying it again after a crash changes nothing.
 */
final class ReturnsTasklet implements Tasklet {

    private final PayoutProperties payout;
    private final SettleProperties settings;
    private final FileRegistry registry;
    private final PayoutReturns returns;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReturnsTasklet(PayoutProperties payout, SettleProperties settings, FileRegistry registry, PayoutReturns returns,
                   DataSource dataSource, Clock clock) {
        this.payout = payout;
        this.settings = settings;
        this.registry = registry;
        this.returns = returns;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        LocalDate date = LocalDate.parse((String) chunkContext.getStepContext().getJobParameters().get(PayoutJob.BUSINESS_DATE));
        var ctx = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        for (PayoutProperties.Bank bank : payout.banks()) {
            if (bank.returnsDirectory() == null) {
                continue;
            }
            String source = PayoutJob.returnsSource(bank.name());
            Path inbox = settings.workPath().resolve("returns").resolve(bank.name());
            try (SftpClient client = new SftpClient(bank.endpoint())) {
                for (RemoteFile remote : client.list(bank.returnsDirectory(), Pattern.compile(bank.returnsPattern()))) {
                    DownloadedFile downloaded = client.download(remote, inbox.resolve(".downloading"));
                    String format = remote.name().endsWith(".xml") ? "pain002" : "nacha-returns";
                    InboundFile file = registry.register(source, "bank", format, downloaded, date, false);
                    if (file.status() == FileStatus.RECEIVED) {
                        Files.move(downloaded.localPath(), inbox.resolve(file.id() + "_" + remote.name()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.deleteIfExists(downloaded.localPath());
                    }
                }
            }
            for (InboundFile file : registry.loadable(source)) {
                Path local = inbox.resolve(file.id() + "_" + file.remoteName());
                PayoutReturns.Outcome outcome;
                try (InputStream in = Files.newInputStream(local)) {
                    outcome = file.format().equals("pain002")
                            ? returns.applyPain002(in, file.remoteName(), file.id(), date)
                            : returns.applyNacha(in, file.remoteName(), file.id(), date);
                }
                jdbc.update("UPDATE ingested_file SET status = 'INGESTED', rows_read = ?, status_changed_at = ? WHERE id = ?",
                        (long) (outcome.returned() + outcome.alreadyReturned() + outcome.exceptions()),
                        Timestamp.from(clock.instant()), file.id());
                ctx.putLong("returned", ctx.getLong("returned", 0L) + outcome.returned());
                ctx.putLong("exceptions", ctx.getLong("exceptions", 0L) + outcome.exceptions());
                contribution.incrementReadCount();
            }
        }
        return RepeatStatus.FINISHED;
    }
}
