package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.jobs.simulation.DayGenerator;
import dev.settle.jobs.simulation.DaySpec;
import dev.settle.localservices.EmbeddedSftpServer;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import dev.settle.localservices.Ports;
import dev.settle.schema.SchemaMigrator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations commands end to end, as an operator types them: a config file (--config) naming
 * a fresh database, Redis and the SFTP sources; output and exit codes as documented.
 */
class OperationsCliTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);
    static EmbeddedSftpServer sftp;
    static Path config;
    static Path deadRedisConfig;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void setUp() throws Exception {
        LocalPostgres pg = LocalPostgres.server();
        String database = pg.createDatabase("ops_cli", true);
        Path root = Files.createTempDirectory("ops_cli");
        sftp = EmbeddedSftpServer.start(root.resolve("sftp"), root.resolve("keys"), 0);
        Files.createDirectories(sftp.root().resolve("reports"));
        Files.createDirectories(sftp.root().resolve("statements"));
        try (var ds = pg.dataSource(database, 2)) {
            SchemaMigrator.migrate(ds);
            new DayGenerator(ds).generate(new DaySpec(7, DAY, 3, 5, List.of("EUR", "USD"), 100, 20, true),
                    sftp.root().resolve("reports/settlement_detail_report_batch_1.csv"),
                    sftp.root().resolve("statements/statement_1.xml"));
        }
        String common = """
                spring.datasource.url=%s
                spring.datasource.username=%s
                spring.datasource.password=%s
                settle.node=cli-test
                settle.work-directory=%s
                settle.sources[0].name=adyen
                settle.sources[0].kind=gateway
                settle.sources[0].format=adyen-sdr
                settle.sources[0].host=%s
                settle.sources[0].port=%d
                settle.sources[0].user=%s
                settle.sources[0].private-key=%s
                settle.sources[0].known-hosts=%s
                settle.sources[0].remote-directory=/reports
                settle.sources[0].file-pattern=settlement_detail_report_.*\\\\.csv
                settle.sources[1].name=bank
                settle.sources[1].kind=bank
                settle.sources[1].format=camt053
                settle.sources[1].host=%s
                settle.sources[1].port=%d
                settle.sources[1].user=%s
                settle.sources[1].private-key=%s
                settle.sources[1].known-hosts=%s
                settle.sources[1].remote-directory=/statements
                settle.sources[1].file-pattern=statement_.*\\\\.xml
                """.formatted(pg.jdbcUrl(database), pg.user(), pg.password(), root.resolve("work"),
                sftp.host(), sftp.port(), sftp.user(), sftp.clientPrivateKeyFile(), sftp.knownHostsFile(),
                sftp.host(), sftp.port(), sftp.user(), sftp.clientPrivateKeyFile(), sftp.knownHostsFile());
        config = Files.writeString(root.resolve("settle.properties"),
                common + "settle.redis.address=" + LocalRedis.server().uri() + "\n");
        deadRedisConfig = Files.writeString(root.resolve("dead-redis.properties"),
                common + "settle.redis.address=redis://127.0.0.1:" + Ports.freePort() + "\nsettle.redis.timeout-ms=500\n");
    }

    @AfterAll
    static void tearDown() {
        sftp.close();
    }

    record Result(int exitCode, String out) {
    }

    static Result settle(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = SettleMain.commandLine().execute(args);
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void run_status_and_schedules_from_a_config_file_with_documented_exit_codes() throws Exception {
        Result run = settle("run", "pipeline", "--date", DAY.toString(), "--json", "--config", config.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("businessDate").asString()).isEqualTo(DAY.toString());
        assertThat(result.get("stages")).hasSize(5);
        assertThat(result.get("stages").get(2).get("outcome").asString()).isEqualTo("COMPLETED");

        Result status = settle("status", "--date", DAY.toString(), "--json", "--config", config.toString());
        assertThat(status.exitCode()).isZero();
        JsonNode executions = JSON.readTree(status.out());
        assertThat(executions).hasSize(5); // ingest ×2, reconcile, settle, payout
        assertThat(executions.get(2).get("job").asString()).isEqualTo("reconcile");
        assertThat(executions.get(2).get("steps").size()).isPositive();

        Result rerunPayouts = settle("rerun", "payout", "--date", DAY.toString(), "--config", config.toString());
        // payouts are exactly-once: a rerun of a completed date finds the payout job done and runs nothing
        assertThat(rerunPayouts.out()).contains("payout").contains("ALREADY_COMPLETED");

        Result trigger = settle("schedules", "trigger", "--date", DAY.toString(), "--config", config.toString());
        assertThat(trigger.exitCode()).isZero();
        Result list = settle("schedules", "list", "--json", "--config", config.toString());
        assertThat(list.exitCode()).isZero();
        assertThat(JSON.readTree(list.out()).get("schedules").get(0).get("businessDate").asString()).isEqualTo(DAY.toString());

        assertThat(settle("schedules", "pause", "no-such-schedule", "--config", config.toString()).exitCode()).isEqualTo(2);
        assertThat(settle("restart", "999999", "--config", config.toString()).exitCode()).isEqualTo(2);
        assertThat(settle("stop", "999999", "--config", config.toString()).exitCode()).isEqualTo(2);
        assertThat(settle("run", "nosuchstep", "--date", DAY.toString(), "--config", config.toString()).exitCode()).isEqualTo(2);
        assertThat(settle("run", "pipeline", "--config", config.toString()).exitCode()).as("missing --date").isEqualTo(2);
    }

    @Test
    void a_new_version_of_a_known_name_waits_held_until_finance_releases_or_rejects_it() throws Exception {
        List<String> lines = Files.readAllLines(sftp.root().resolve("reports/settlement_detail_report_batch_1.csv"));
        Path report = sftp.root().resolve("reports/settlement_detail_report_batch_77.csv");
        Files.write(report, lines.subList(0, lines.size() - 1));
        assertThat(settle("run", "ingest", "--date", DAY.plusDays(5).toString(), "--config", config.toString()).exitCode()).isZero();
        Files.write(report, lines.subList(0, lines.size() - 2)); // same name, other content
        assertThat(settle("run", "ingest", "--date", DAY.plusDays(6).toString(), "--config", config.toString()).exitCode()).isZero();

        Result held = settle("inbound", "list", "--status", "HELD", "--json", "--config", config.toString());
        assertThat(held.exitCode()).isZero();
        JsonNode file = JSON.readTree(held.out()).get(0);
        assertThat(file.get("remoteName").asString()).isEqualTo("settlement_detail_report_batch_77.csv");
        assertThat(file.get("nameVersion").asInt()).isEqualTo(2);
        String id = file.get("id").asString();

        assertThat(settle("inbound", "release", id, "--config", config.toString()).exitCode()).as("no --note").isEqualTo(2);
        Result released = settle("inbound", "release", id, "--note", "corrected report", "--as", "alice", "--config", config.toString());
        assertThat(released.exitCode()).isZero();
        assertThat(released.out()).contains("RECEIVED").contains("released by alice: corrected report");
        Result again = settle("inbound", "release", id, "--note", "twice", "--config", config.toString());
        assertThat(again.exitCode()).as("a RECEIVED file is not HELD").isEqualTo(1);

        Result rejected = settle("inbound", "reject", id, "--note", "the gateway withdrew it", "--as", "bob", "--json", "--config", config.toString());
        assertThat(rejected.exitCode()).isZero();
        assertThat(JSON.readTree(rejected.out()).get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(settle("inbound", "reject", "999999", "--note", "x", "--config", config.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void with_redis_down_a_run_refuses_with_exit_code_3() {
        Result run = settle("run", "pipeline", "--date", DAY.plusDays(1).toString(), "--config", deadRedisConfig.toString());
        assertThat(run.exitCode()).isEqualTo(3);
    }
}
