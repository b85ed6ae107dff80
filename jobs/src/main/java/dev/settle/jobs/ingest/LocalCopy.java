package dev.settle.jobs.ingest;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.config.SourceProperties;
import dev.settle.readerswriters.sftp.DownloadedFile;
import dev.settle.readerswriters.sftp.RemoteFile;
import dev.settle.readerswriters.sftp.SftpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The load step's local copy of a recorded file. The fetch step downloads it into this node's work
 * directory; a restart on another node (the first one died) does not have it, so it is downloaded
 * again, from the source's remote directory or, once archived, from its archive, and accepted only
 * with the checksum the registry recorded: rows already committed came from those exact bytes.
 */
final class LocalCopy {

    private LocalCopy() {
    }

    /** The local copy of {@code file}, downloaded again when this node does not have it. */
    static Path ensure(SettleProperties settings, SourceProperties source, InboundFile file) {
        Path inbox = IngestJob.inbox(settings, file.source());
        Path local = IngestJob.localCopy(inbox, file);
        if (Files.exists(local)) {
            return local;
        }
        Path refetch = inbox.resolve(".refetch");
        RuntimeException last = null;
        try (SftpClient client = new SftpClient(source.endpoint())) {
            for (String directory : List.of(source.remoteDirectory(), source.archiveDirectory())) {
                DownloadedFile downloaded;
                try {
                    downloaded = client.download(new RemoteFile(directory, file.remoteName(), -1), refetch);
                } catch (RuntimeException e) {
                    last = e; // not there (or unreachable): try the next directory
                    continue;
                }
                if (!downloaded.sha256Hex().equalsIgnoreCase(file.sha256())) {
                    Files.deleteIfExists(downloaded.localPath());
                    throw new IllegalStateException("file " + file.id() + " (" + file.remoteName() + ") changed on the server "
                            + "since it was recorded (sha256 " + downloaded.sha256Hex() + " in " + directory + ", recorded "
                            + file.sha256() + "): its committed rows came from the recorded content, so it is not loaded on; "
                            + "put the recorded file back, or reject it (./settle inbound reject " + file.id() + ")");
                }
                Files.move(downloaded.localPath(), local, StandardCopyOption.REPLACE_EXISTING);
                return local;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("local copy of file " + file.id() + " (" + file.remoteName() + ") is missing "
                + "(fetched on another node?) and it could not be downloaded again from " + source.remoteDirectory()
                + " or " + source.archiveDirectory() + "; put it back, or reject it (./settle inbound reject " + file.id() + ")", last);
    }
}
