package dev.settle.jobs.ingest;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.config.SourceProperties;
import dev.settle.readerswriters.sftp.DownloadedFile;
import dev.settle.readerswriters.sftp.RemoteFile;
import dev.settle.readerswriters.sftp.SftpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1 of ingest: download every matching file of the source over SFTP (temporary name,
 * checksum, rename) and record it in the file registry. Files whose content was seen before are
 * DUPLICATEs and are not staged; new versions of a known name are HELD unless configured otherwise.
 */
final class FetchTasklet implements Tasklet {

    private final SettleProperties settings;
    private final FileRegistry registry;

    FetchTasklet(SettleProperties settings, FileRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var params = chunkContext.getStepContext().getJobParameters();
        SourceProperties source = settings.source((String) params.get(IngestJob.SOURCE));
        LocalDate businessDate = LocalDate.parse((String) params.get(IngestJob.BUSINESS_DATE));
        Path inbox = IngestJob.inbox(settings, source.name());
        Path downloads = inbox.resolve(".downloading");
        var counts = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        try (SftpClient client = new SftpClient(source.endpoint())) {
            for (RemoteFile remote : client.list(source.remoteDirectory(), Pattern.compile(source.filePattern()))) {
                DownloadedFile downloaded = client.download(remote, downloads);
                InboundFile file = registry.register(source.name(), source.kind(), source.format(), downloaded,
                        businessDate, "ingest".equals(source.onNewVersion()));
                contribution.incrementReadCount();
                counts.putLong("files." + file.status(), counts.getLong("files." + file.status(), 0L) + 1);
                if (file.status() == FileStatus.DUPLICATE) {
                    Files.deleteIfExists(downloaded.localPath());
                } else {
                    Files.move(downloaded.localPath(), IngestJob.localCopy(inbox, file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return RepeatStatus.FINISHED;
    }
}
