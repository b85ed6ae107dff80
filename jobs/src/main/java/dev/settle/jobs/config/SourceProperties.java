package dev.settle.jobs.config;

import dev.settle.formats.FileFormat;
import dev.settle.readerswriters.sftp.SftpEndpoint;
import java.nio.file.Path;

/**
 * One inbound source (a gateway's report server or a bank's statement server), from configuration
 * ({@code settle.sources[n].*}).
 *
 * @param kind {@code gateway} or {@code bank}
 * @param format the file format's CLI name (adyen-sdr, camt053, mt940, …)
 * @param filePattern regular expression the whole remote file name must match
 * @param afterSuccess {@code archive} (move to {@code archiveDirectory}) or {@code leave}
 * @param onNewVersion what to do with a known name whose content changed: {@code hold} for review
 *     (default) or {@code ingest}
 * @param errorThresholdRows bad rows skipped into ingest_error before the file is quarantined
 */
public record SourceProperties(
        String name,
        String kind,
        String format,
        String host,
        Integer port,
        String user,
        String privateKey,
        String password,
        String knownHosts,
        Integer timeoutMs,
        String remoteDirectory,
        String filePattern,
        String afterSuccess,
        String archiveDirectory,
        String onNewVersion,
        Integer errorThresholdRows,
        String schedule) {

    public SourceProperties {
        require(name, "name");
        require(kind, "kind");
        if (!kind.equals("gateway") && !kind.equals("bank")) {
            throw new IllegalArgumentException("settle.sources[" + name + "].kind must be gateway or bank, was '" + kind + "'");
        }
        require(format, "format");
        FileFormat.fromCliName(format);
        require(host, name + ".host");
        require(user, name + ".user");
        require(knownHosts, name + ".known-hosts");
        port = port == null ? 22 : port;
        timeoutMs = timeoutMs == null ? 10_000 : timeoutMs;
        remoteDirectory = remoteDirectory == null ? "/" : remoteDirectory;
        filePattern = filePattern == null ? ".*" : filePattern;
        afterSuccess = afterSuccess == null ? "leave" : afterSuccess;
        archiveDirectory = archiveDirectory == null ? remoteDirectory + "/archive" : archiveDirectory;
        onNewVersion = onNewVersion == null ? "hold" : onNewVersion;
        errorThresholdRows = errorThresholdRows == null ? 100 : errorThresholdRows;
    }

    public FileFormat fileFormat() {
        return FileFormat.fromCliName(format);
    }

    public SftpEndpoint endpoint() {
        return new SftpEndpoint(host, port, user, privateKey == null ? null : Path.of(privateKey), password,
                Path.of(knownHosts), timeoutMs);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("settle.sources: '" + what + "' is required");
        }
    }
}
