package dev.settle.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SIGKILL at random points of the pipeline, restart, and compare the outcome with an uninterrupted
 * run on another fresh database: identical every time.
 *
 * <p>Each trial: a fresh database and SFTP server with the same generated day; a child JVM (this
 * test's classpath, main {@link CrashChild}) runs the pipeline and is killed with
 * {@code Process.destroyForcibly()} (SIGKILL on Linux) after a random delay drawn from a seeded
 * {@link Random} (seed and delays are printed); a second child JVM then runs the same date to
 * completion on another node (its own work directory): it waits for the dead node's lock to expire
 * (lease 1.5 s here), marks the orphaned executions FAILED and restarts them from their last
 * committed chunk, downloading again (checksum-verified) any file the dead node had fetched.
 *
 * <p>Compared: ingested files, staged gateway lines, bank statements and entries, ingest errors,
 * recon_result, recon_exception and disputes (surrogate ids and timestamps left out; file ids in
 * item keys replaced by file names), and, as soon as the settle and payout jobs' tables exist,
 * {@link #SETTLEMENT_TABLES} (settlements, their lines, payouts, payout files with their content):
 * every column but timestamps and serial ids. In this build those jobs are absent, so only
 * ingestion and reconciliation outcomes are compared.
 *
 * <p>Trials: {@code -Dsettle.crash.trials} (default 3 so the build stays short; about 12 s each),
 * seed {@code -Dsettle.crash.seed}. The 10-trial run:
 * {@code mvn -o -pl schedules -am test -Dtest=CrashRecoveryTest -Dsurefire.failIfNoSpecifiedTests=false -Dsettle.crash.trials=10}
 */
class CrashRecoveryTest {

    static final LocalDate DAY = LocalDate.of(2026, 7, 14);

    static final Map<String, String> OUTCOME_QUERIES = new LinkedHashMap<>();

    static {
        OUTCOME_QUERIES.put("ingested_file", """
                SELECT source, remote_name, name_version, status, rows_read, rows_written, rows_skipped, sha256, status_reason
                  FROM ingested_file ORDER BY source, remote_name, name_version""");
        OUTCOME_QUERIES.put("gateway_report_line", """
                SELECT f.remote_name, (to_jsonb(l) - 'file_id')::text FROM gateway_report_line l
                  JOIN ingested_file f ON f.id = l.file_id ORDER BY f.remote_name, l.line_no""");
        OUTCOME_QUERIES.put("bank_statement", """
                SELECT f.remote_name, (to_jsonb(s) - 'file_id' - 'id')::text FROM bank_statement s
                  JOIN ingested_file f ON f.id = s.file_id ORDER BY 1, 2""");
        OUTCOME_QUERIES.put("bank_entry", """
                SELECT f.remote_name, (to_jsonb(e) - 'file_id')::text FROM bank_entry e
                  JOIN ingested_file f ON f.id = e.file_id ORDER BY f.remote_name, e.entry_no""");
        OUTCOME_QUERIES.put("ingest_error", """
                SELECT f.remote_name, (to_jsonb(x) - 'file_id' - 'id')::text FROM ingest_error x
                  JOIN ingested_file f ON f.id = x.file_id ORDER BY 1, 2""");
        OUTCOME_QUERIES.put("recon_result", "SELECT to_jsonb(r)::text FROM recon_result r ORDER BY result_date, leg, item_key");
        OUTCOME_QUERIES.put("recon_exception", """
                SELECT (to_jsonb(e) - 'id' - 'created_at' - 'resolved_at')::text FROM recon_exception e ORDER BY dedup_key""");
        OUTCOME_QUERIES.put("dispute", "SELECT to_jsonb(d)::text FROM dispute d ORDER BY id");
    }

    /** Outcome tables of the settle and payout jobs (being written in parallel): compared when present. */
    static final List<String> SETTLEMENT_TABLES = List.of("settlement", "settlement_line", "settled_transaction",
            "reserve_hold", "payout_file", "payout");

    static final Pattern FILE_KEY = Pattern.compile("\\b(gw|bank):(\\d+):");

    /** The outcome tables as text, with file ids replaced by file names so databases compare. */
    static Map<String, List<String>> outcome(JdbcTemplate jdbc) {
        Map<Long, String> names = new HashMap<>();
        jdbc.query("SELECT id, remote_name || '#' || name_version FROM ingested_file",
                rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        Map<String, String> queries = new LinkedHashMap<>(OUTCOME_QUERIES);
        for (String table : SETTLEMENT_TABLES) {
            // the settle/payout jobs' tables, compared as soon as they exist: every column but timestamps and serial ids
            List<String> columns = jdbc.queryForList("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name = ? AND data_type NOT LIKE 'timestamp%'
                       AND NOT (column_name = 'id' AND data_type = 'bigint')
                     ORDER BY ordinal_position""", String.class, table);
            if (!columns.isEmpty()) {
                String list = String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
                queries.put(table, "SELECT " + list + " FROM " + table + " ORDER BY " + list);
            }
        }
        Map<String, List<String>> tables = new LinkedHashMap<>();
        queries.forEach((table, sql) -> {
            List<String> rows = jdbc.query(sql, (rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.append(c > 1 ? " | " : "").append(rs.getString(c));
                }
                Matcher m = FILE_KEY.matcher(row);
                return m.replaceAll(r -> r.group(1) + ":" + Matcher.quoteReplacement(names.getOrDefault(Long.parseLong(r.group(2)), "?")) + ":");
            });
            tables.put(table, rows);
        });
        return tables;
    }

    /** millis: from the pipeline's start (child READY) to exit or kill. */
    record Run(int exitCode, long millis, boolean killed) {
    }

    static Run child(OpsTestSupport services, String node, Path log, long killAfterMs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        Map<String, String> properties = new LinkedHashMap<>(services.properties(node));
        properties.put("crash.date", DAY.toString());
        properties.put("spring.quartz.auto-startup", "false");
        properties.put("settle.schedule.register", "false");
        properties.put("settle.recovery.on-startup", "false");
        properties.put("settle.redis.lock-watchdog-timeout-ms", "1500");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.settle", "INFO");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(CrashChild.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (process.isAlive() && !(Files.exists(log) && Files.readString(log).contains(CrashChild.READY))) {
            Thread.sleep(5);
        }
        long started = System.nanoTime();
        boolean killed = false;
        if (killAfterMs >= 0) {
            if (!process.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly(); // SIGKILL: no shutdown hooks, no lock release, no rollback beyond the DB's
                killed = true;
            }
        }
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish; see " + log);
        }
        return new Run(process.exitValue(), (System.nanoTime() - started) / 1_000_000, killed);
    }

    static OpsTestSupport freshDay(String prefix) throws Exception {
        OpsTestSupport services = new OpsTestSupport(prefix);
        services.generate(DAY, 100);
        return services;
    }

    @Test
    void sigkill_at_random_points_then_restart_gives_the_same_outcome_as_an_uninterrupted_run() throws Exception {
        int trials = Integer.getInteger("settle.crash.trials", 3);
        long seed = Long.getLong("settle.crash.seed", 20261124L);
        Random random = new Random(seed);

        Map<String, List<String>> expected;
        long referenceMillis;
        try (OpsTestSupport reference = freshDay("crash_ref")) {
            Path log = reference.root.resolve("reference.log");
            Run run = child(reference, "ref-node", log, -1);
            assertThat(run.exitCode()).as("uninterrupted run; see %s", log).isZero();
            referenceMillis = run.millis();
            try (var ds = reference.dataSource()) {
                expected = outcome(new JdbcTemplate(ds));
            }
        }
        assertThat(expected.get("recon_result")).isNotEmpty();
        assertThat(expected.get("gateway_report_line")).isNotEmpty();
        System.out.printf("crash test: seed %d, %d trials, uninterrupted pipeline in a child JVM %d ms%n", seed, trials, referenceMillis);

        int midJobKills = 0;
        for (int trial = 1; trial <= trials; trial++) {
            // somewhere inside the pipeline (its tail is context shutdown, where a kill proves little)
            long killAfterMs = (long) (random.nextDouble() * referenceMillis * 8 / 10);
            try (OpsTestSupport services = freshDay("crash_t" + trial)) {
                Path crashLog = services.root.resolve("crash.log");
                Run crashed = child(services, "node-1", crashLog, killAfterMs);
                Path restartLog = services.root.resolve("restart.log");
                // another node takes over: its own work directory, so files fetched by the dead node are fetched again
                Run restarted = child(services, "node-2", restartLog, -1);
                String stuck;
                try (var ds = services.dataSource()) {
                    JdbcTemplate jdbc = new JdbcTemplate(ds);
                    stuck = jdbc.queryForList("SELECT job_execution_id || ':' || status FROM batch_job_execution ORDER BY 1",
                            String.class).toString();
                    System.out.printf("crash trial %d: SIGKILL %d ms into the pipeline (%s), restart %d ms exit %d, executions %s%n",
                            trial, killAfterMs, crashed.killed() ? "killed" : "had already finished", restarted.millis(),
                            restarted.exitCode(), stuck);
                    if (crashed.killed() && stuck.contains("FAILED")) {
                        midJobKills++;
                    }
                    assertThat(restarted.exitCode()).as("trial %d restart; logs %s %s", trial, crashLog, restartLog).isZero();
                    Map<String, List<String>> actual = outcome(jdbc);
                    for (String table : expected.keySet()) {
                        assertThat(actual.get(table)).as("trial %d (kill after %d ms, seed %d): %s", trial, killAfterMs, seed, table)
                                .containsExactlyElementsOf(expected.get(table));
                    }
                }
            }
        }
        System.out.printf("crash test: %d of %d trials killed a job mid-run (the others before the first job or between jobs)%n",
                midJobKills, trials);
    }
}
