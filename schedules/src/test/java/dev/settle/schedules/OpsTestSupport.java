package dev.settle.schedules;

import dev.settle.jobs.simulation.DayGenerator;
import dev.settle.jobs.simulation.DaySpec;
import dev.settle.jobs.simulation.GeneratedDay;
import dev.settle.localservices.EmbeddedSftpServer;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import dev.settle.schema.SchemaMigrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Real services for one operations test: a fresh database (migrated), Redis, an in-process SFTP
 * server playing the gateway ("adyen", /reports) and the bank ("bank", /statements), and the
 * Spring properties that wire a node to them.
 */
final class OpsTestSupport implements AutoCloseable {

    final String database;
    final EmbeddedSftpServer sftp;
    final Path root;

    OpsTestSupport(String prefix) throws Exception {
        LocalPostgres pg = LocalPostgres.server();
        database = pg.createDatabase(prefix, true);
        root = Files.createTempDirectory(prefix);
        sftp = EmbeddedSftpServer.start(root.resolve("sftp"), root.resolve("keys"), 0);
        try (var ds = pg.dataSource(database, 2)) {
            SchemaMigrator.migrate(ds);
        }
    }

    /** Properties of one node; {@code node} names it (lock holder) and gives it its own work directory. */
    Map<String, String> properties(String node) {
        LocalPostgres pg = LocalPostgres.server();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", pg.jdbcUrl(database));
        p.put("spring.datasource.username", pg.user());
        p.put("spring.datasource.password", pg.password());
        p.put("spring.datasource.hikari.maximum-pool-size", "6");
        p.put("spring.batch.job.enabled", "false");
        p.put("spring.batch.jdbc.initialize-schema", "never");
        p.put("spring.main.web-application-type", "none");
        p.put("spring.main.banner-mode", "off");
        p.put("settle.redis.address", LocalRedis.server().uri());
        p.put("settle.work-directory", root.resolve("work-" + node).toString());
        p.put("settle.node", node);
        p.put("settle.recon.threads", "1");
        String[][] sources = {
                {"adyen", "gateway", "adyen-sdr", "/reports", "settlement_detail_report_.*\\.csv", "leave"},
                {"bank", "bank", "camt053", "/statements", "statement_.*\\.xml", "archive"}};
        for (int i = 0; i < sources.length; i++) {
            String s = "settle.sources[" + i + "].";
            p.put(s + "name", sources[i][0]);
            p.put(s + "kind", sources[i][1]);
            p.put(s + "format", sources[i][2]);
            p.put(s + "host", sftp.host());
            p.put(s + "port", String.valueOf(sftp.port()));
            p.put(s + "user", sftp.user());
            p.put(s + "private-key", sftp.clientPrivateKeyFile().toString());
            p.put(s + "known-hosts", sftp.knownHostsFile().toString());
            p.put(s + "remote-directory", sources[i][3]);
            p.put(s + "file-pattern", sources[i][4]);
            p.put(s + "after-success", sources[i][5]);
            p.put(s + "chunk-size", "50");
        }
        return p;
    }

    com.zaxxer.hikari.HikariDataSource dataSource() {
        return LocalPostgres.server().dataSource(database, 2);
    }

    /** Writes a generated day: internal transactions into the database, reports onto the SFTP server. */
    static GeneratedDay generate(DataSource dataSource, Path sftpRoot, LocalDate day, int paymentsPerMerchant) throws Exception {
        Files.createDirectories(sftpRoot.resolve("reports"));
        Files.createDirectories(sftpRoot.resolve("statements"));
        DaySpec spec = new DaySpec(42, day, 4, paymentsPerMerchant, List.of("EUR", "JPY", "KWD", "USD"), 100, 20, true);
        return new DayGenerator(dataSource).generate(spec,
                sftpRoot.resolve("reports/settlement_detail_report_batch_" + day + ".csv"),
                sftpRoot.resolve("statements/statement_" + day + ".xml"));
    }

    GeneratedDay generate(LocalDate day, int paymentsPerMerchant) throws Exception {
        try (var ds = LocalPostgres.server().dataSource(database, 2)) {
            return generate(ds, sftp.root(), day, paymentsPerMerchant);
        }
    }

    @Override
    public void close() {
        sftp.close();
    }
}
