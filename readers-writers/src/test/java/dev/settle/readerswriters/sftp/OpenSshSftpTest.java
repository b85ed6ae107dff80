package dev.settle.readerswriters.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.settle.localservices.OpenSshSftpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same client against a real OpenSSH sftp-server (Debian's openssh-server, its own sshd on a
 * loopback port with its own config and keys). Skipped, with the reason, where it is not installed.
 */
class OpenSshSftpTest {

    @TempDir
    Path tmp;

    @Test
    void lists_downloads_and_uploads_against_real_openssh() throws Exception {
        assumeTrue(OpenSshSftpServer.available(), OpenSshSftpServer.unavailableReason());
        Path remoteDir = Files.createDirectories(tmp.resolve("remote"));
        Files.writeString(remoteDir.resolve("camt053_20261124.xml"), "<Document/>");
        try (OpenSshSftpServer sshd = OpenSshSftpServer.start(tmp.resolve("sshd"));
             SftpClient client = new SftpClient(new SftpEndpoint("127.0.0.1", sshd.port(), sshd.user(),
                     sshd.clientPrivateKeyFile(), null, sshd.knownHostsFile(), 5_000))) {
            assertThat(client.negotiatedCipher()).isEqualTo("aes256-gcm@openssh.com"); // OpenSSH offers it too
            List<RemoteFile> files = client.list(remoteDir.toString(), Pattern.compile("camt053_.*\\.xml"));
            assertThat(files).hasSize(1);
            DownloadedFile got = client.download(files.get(0), tmp.resolve("local"));
            assertThat(got.localPath()).hasContent("<Document/>");
            client.upload(got.localPath(), remoteDir.resolve("out").toString(), "copy.xml");
            assertThat(remoteDir.resolve("out/copy.xml")).hasContent("<Document/>");

            // a file larger than the channel window: many 63 KiB reads in flight
            byte[] big = SftpClientTest.randomBytes(SftpClient.CHANNEL_WINDOW_BYTES + 12_345);
            Files.write(remoteDir.resolve("camt053_big.xml"), big);
            DownloadedFile bigCopy = client.download(new RemoteFile(remoteDir.toString(), "camt053_big.xml", big.length),
                    tmp.resolve("local"));
            assertThat(Files.mismatch(bigCopy.localPath(), remoteDir.resolve("camt053_big.xml"))).isEqualTo(-1L);
        }
    }
}
