package dev.settle.jobs;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.localservices.EmbeddedSftpServer;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real services for one job test class: a fresh database, Redis, and an in-process SFTP server
 * playing the gateway ("adyen" source, /reports) — wired into the Spring properties.
 */
public final class JobTestSupport {

    public final String database;
    public final EmbeddedSftpServer sftp;
    public final Path workDirectory;

    /** Starts the services for a test class (its static initialiser). */
    public static JobTestSupport start(String prefix) {
        try {
            return new JobTestSupport(prefix);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public JobTestSupport(String prefix) throws Exception {
        LocalPostgres pg = LocalPostgres.server();
        database = pg.createDatabase(prefix, true);
        Path root = Files.createTempDirectory(prefix);
        sftp = EmbeddedSftpServer.start(root.resolve("sftp"), root.resolve("keys"), 0);
        workDirectory = root.resolve("work");
    }

    public void register(DynamicPropertyRegistry registry) {
        LocalPostgres pg = LocalPostgres.server();
        registry.add("spring.datasource.url", () -> pg.jdbcUrl(database));
        registry.add("spring.datasource.username", pg::user);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.batch.job.enabled", () -> "false");
        registry.add("spring.batch.jdbc.initialize-schema", () -> "never");
        registry.add("settle.redis.address", () -> LocalRedis.server().uri());
        registry.add("settle.work-directory", workDirectory::toString);
        registry.add("settle.node", () -> "test-node");
        registry.add("settle.sources[0].name", () -> "adyen");
        registry.add("settle.sources[0].kind", () -> "gateway");
        registry.add("settle.sources[0].format", () -> "adyen-sdr");
        registry.add("settle.sources[0].host", sftp::host);
        registry.add("settle.sources[0].port", sftp::port);
        registry.add("settle.sources[0].user", sftp::user);
        registry.add("settle.sources[0].private-key", () -> sftp.clientPrivateKeyFile().toString());
        registry.add("settle.sources[0].known-hosts", () -> sftp.knownHostsFile().toString());
        registry.add("settle.sources[0].remote-directory", () -> "/reports");
        registry.add("settle.sources[0].file-pattern", () -> "settlement_detail_report_.*\\.csv");
        registry.add("settle.sources[0].error-threshold-rows", () -> "5");
        registry.add("settle.ingest.chunk-size", () -> "100");
        registry.add("settle.sources[1].name", () -> "bank");
        registry.add("settle.sources[1].kind", () -> "bank");
        registry.add("settle.sources[1].format", () -> "camt053");
        registry.add("settle.sources[1].host", sftp::host);
        registry.add("settle.sources[1].port", sftp::port);
        registry.add("settle.sources[1].user", sftp::user);
        registry.add("settle.sources[1].private-key", () -> sftp.clientPrivateKeyFile().toString());
        registry.add("settle.sources[1].known-hosts", () -> sftp.knownHostsFile().toString());
        registry.add("settle.sources[1].remote-directory", () -> "/statements");
        registry.add("settle.sources[1].file-pattern", () -> "statement_.*\\.xml");
        registry.add("settle.sources[1].after-success", () -> "archive");
        // the load step uses the largest configured chunk size: keep it at 100 for restart tests
    }

    /** Puts a file where the gateway's SFTP server serves it. */
    public Path publish(String name, String content) throws Exception {
        return publish("reports", name, content);
    }

    /** Puts a file in a directory of the SFTP server ("reports" for the gateway, "statements" for the bank). */
    public Path publish(String directory, String name, String content) throws Exception {
        Path dir = Files.createDirectories(sftp.root().resolve(directory));
        return Files.writeString(dir.resolve(name), content);
    }

    /** A public fixture file from file-formats' test-jar, as text. */
    public static String fixture(String path) throws Exception {
        try (var in = JobTestSupport.class.getResourceAsStream("/fixtures/" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public HikariDataSource dataSource() {
        return LocalPostgres.server().dataSource(database, 2);
    }
}
