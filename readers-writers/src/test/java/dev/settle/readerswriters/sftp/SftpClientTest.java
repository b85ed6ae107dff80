package dev.settle.readerswriters.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.settle.localservices.EmbeddedSftpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SftpClient against a real SSH/SFTP server (Apache MINA SSHD, in process). */
class SftpClientTest {

    @TempDir
    Path tmp;
    EmbeddedSftpServer server;

    @BeforeEach
    void start() {
        server = EmbeddedSftpServer.start(tmp.resolve("remote"), tmp.resolve("keys"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    SftpEndpoint endpoint(Path knownHosts) {
        return new SftpEndpoint(server.host(), server.port(), server.user(), server.clientPrivateKeyFile(), null,
                knownHosts, 5_000);
    }

    @Test
    void lists_matching_files_and_downloads_them_with_their_checksum() throws Exception {
        Path inbox = Files.createDirectories(server.root().resolve("outbox"));
        Files.writeString(inbox.resolve("settlement_detail_report_batch_1.csv"), "a,b\n1,2\n");
        Files.writeString(inbox.resolve("ignore.txt"), "x");
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()))) {
            List<RemoteFile> files = client.list("/outbox", Pattern.compile("settlement_.*\\.csv"));
            assertThat(files).extracting(RemoteFile::name).containsExactly("settlement_detail_report_batch_1.csv");
            DownloadedFile got = client.download(files.get(0), tmp.resolve("local"));
            assertThat(Files.readString(got.localPath())).isEqualTo("a,b\n1,2\n");
            assertThat(got.sha256Hex()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))));
            assertThat(tmp.resolve("local")).isDirectoryNotContaining("glob:**.part");
        }
    }

    @Test
    void a_file_larger_than_the_channel_window_arrives_byte_for_byte() throws Exception {
        // many 63 KiB reads in flight, replies consumed across several window refills
        byte[] content = randomBytes(SftpClient.CHANNEL_WINDOW_BYTES + 12_345);
        Path inbox = Files.createDirectories(server.root().resolve("outbox"));
        Files.write(inbox.resolve("big.xml"), content);
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()))) {
            DownloadedFile got = client.download(new RemoteFile("/outbox", "big.xml", content.length), tmp.resolve("local"));
            assertThat(Files.mismatch(got.localPath(), inbox.resolve("big.xml"))).isEqualTo(-1L);
            assertThat(got.sha256Hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
    }

    static byte[] randomBytes(long length) {
        byte[] bytes = new byte[Math.toIntExact(length)];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    void one_client_makes_one_connection_for_all_its_operations() throws Exception {
        Path inbox = Files.createDirectories(server.root().resolve("outbox"));
        Files.writeString(inbox.resolve("a.csv"), "a\n");
        Files.writeString(inbox.resolve("b.csv"), "b\n");
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()))) {
            for (RemoteFile file : client.list("/outbox", Pattern.compile(".*\\.csv"))) {
                client.download(file, tmp.resolve("local"));
                client.moveTo(file, "/outbox/archive");
            }
            client.upload(tmp.resolve("local/a.csv"), "/inbox", "a.csv");
        }
        assertThat(server.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void a_connection_lost_between_operations_is_replaced() throws Exception {
        Files.createDirectories(server.root().resolve("outbox"));
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()), 3, 200)) {
            assertThat(client.list("/outbox", Pattern.compile(".*"))).isEmpty();
            int port = server.port();
            server.close();
            server = EmbeddedSftpServer.start(tmp.resolve("remote"), tmp.resolve("keys"), port); // same key, same port
            Files.writeString(server.root().resolve("outbox/late.csv"), "x\n");
            assertThat(client.list("/outbox", Pattern.compile(".*"))).extracting(RemoteFile::name).containsExactly("late.csv");
        }
    }

    @Test
    void agrees_on_aes_gcm_rather_than_the_pure_java_chacha20() {
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()))) {
            assertThat(client.negotiatedCipher()).isEqualTo("aes256-gcm@openssh.com");
        }
    }

    @Test
    void refuses_a_server_whose_host_key_is_not_the_known_one() throws Exception {
        Path otherKeys = tmp.resolve("other");
        try (EmbeddedSftpServer impostor = EmbeddedSftpServer.start(tmp.resolve("r2"), otherKeys, 0)) {
            // known_hosts names the impostor's port with the first server's key
            Path knownHosts = tmp.resolve("known_hosts_wrong");
            String realKeyLine = Files.readString(server.knownHostsFile()).split(" ", 2)[1];
            Files.writeString(knownHosts, "[127.0.0.1]:" + impostor.port() + " " + realKeyLine);
            SftpEndpoint toImpostor = new SftpEndpoint("127.0.0.1", impostor.port(), EmbeddedSftpServer.USER,
                    server.clientPrivateKeyFile(), null, knownHosts, 5_000);
            try (SftpClient client = new SftpClient(toImpostor, 3, 10)) {
                assertThatThrownBy(() -> client.list("/", Pattern.compile(".*")))
                        .isInstanceOf(SftpTransferException.class)
                        .hasMessageContaining("after 3 attempt(s)")
                        .satisfies(e -> assertThat(SftpClient.isHostKeyProblem(e)).isTrue());
            }
        }
    }

    @Test
    void refuses_a_server_missing_from_known_hosts() throws Exception {
        Path empty = Files.writeString(tmp.resolve("known_hosts_empty"), "");
        try (SftpClient client = new SftpClient(endpoint(empty), 1, 10)) {
            assertThatThrownBy(() -> client.list("/", Pattern.compile(".*"))).isInstanceOf(SftpTransferException.class);
        }
    }

    @Test
    void a_stopped_server_is_retried_then_reported_and_leaves_no_partial_file() throws Exception {
        Path inbox = Files.createDirectories(server.root().resolve("outbox"));
        Files.writeString(inbox.resolve("r.csv"), "x".repeat(10_000));
        RemoteFile remote = new RemoteFile("/outbox", "r.csv", 10_000);
        server.close();
        long startNs = System.nanoTime();
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()), 3, 50)) {
            assertThatThrownBy(() -> client.download(remote, tmp.resolve("local")))
                    .isInstanceOf(SftpTransferException.class)
                    .hasMessageContaining("download /outbox/r.csv")
                    .hasMessageContaining("failed after 3 attempt(s)");
        }
        assertThat(System.nanoTime() - startNs).isGreaterThan(150_000_000L); // 50 + 100 ms of back-off happened
        assertThat(Files.exists(tmp.resolve("local/r.csv"))).isFalse();
        assertThat(Files.exists(tmp.resolve("local/r.csv.part"))).isFalse();
    }

    @Test
    void uploads_under_a_temporary_name_then_renames() throws Exception {
        Path local = Files.writeString(tmp.resolve("payouts.xml"), "<Document/>");
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()))) {
            client.upload(local, "/bank/outbox", "payouts.xml");
        }
        assertThat(server.root().resolve("bank/outbox/payouts.xml")).hasContent("<Document/>");
        assertThat(server.root().resolve("bank/outbox/payouts.xml.part")).doesNotExist();
    }

    @Test
    void archives_a_processed_file() throws Exception {
        Files.createDirectories(server.root().resolve("outbox"));
        Files.writeString(server.root().resolve("outbox/a.csv"), "1");
        try (SftpClient client = new SftpClient(endpoint(server.knownHostsFile()))) {
            client.moveTo(new RemoteFile("/outbox", "a.csv", 1), "/outbox/archive");
        }
        assertThat(server.root().resolve("outbox/archive/a.csv")).exists();
        assertThat(server.root().resolve("outbox/a.csv")).doesNotExist();
    }
}
