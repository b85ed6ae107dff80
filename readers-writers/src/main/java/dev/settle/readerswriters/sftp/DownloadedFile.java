package dev.settle.readerswriters.sftp;

import java.nio.file.Path;

/** A file fully downloaded to {@code localPath} and checksummed while it streamed. */
public record DownloadedFile(RemoteFile remote, Path localPath, long sizeBytes, String sha256Hex) {
}
