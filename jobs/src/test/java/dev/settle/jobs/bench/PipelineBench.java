package dev.settle.jobs.bench;

import dev.settle.formats.camt.Camt053Writer;
import dev.settle.formats.camt.CamtBalance;
import dev.settle.formats.camt.CamtEntry;
import dev.settle.formats.camt.CamtMessage;
import dev.settle.formats.camt.CamtStatement;
import dev.settle.formats.camt.CamtTransaction;
import dev.settle.formats.camt.CreditDebit;
import dev.settle.formats.camt.XmlLocation;
import dev.settle.jobs.JobRunner;
import dev.settle.jobs.JobsTestApplication;
import dev.settle.jobs.ingest.IngestJob;
import dev.settle.jobs.reconcile.ReconcileJob;
import dev.settle.jobs.simulation.DayGenerator;
import dev.settle.jobs.simulation.DaySpec;
import dev.settle.jobs.simulation.GeneratedDay;
import dev.settle.localservices.EmbeddedSftpServer;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import dev.settle.money.Money;
import dev.settle.money.NonMonetary;
import dev.settle.schema.SchemaMigrator;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures ingestion and reconciliation at scale on real services, next to their floors:
 * generate a day of N payments (database + gateway report + bank statement), a separate M-entry
 * camt.053 statement, then time ingest (gateway, bank) against a plain COPY of the same rows, and
 * reconcile. Writes bench/results/pipeline-&lt;N&gt;.json. Run with bench/pipeline.sh, not as a test.
 */
@NonMonetary("rates and durations for a benchmark report")
public final class PipelineBench {

    public static void main(String[] args) throws Exception {
        long payments = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long statementEntries = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Path results = Path.of(args.length > 2 ? args[2] : "bench/results");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", java.time.Instant.now().toString());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        out.put("payments", payments);
        HeapSampler heap = HeapSampler.start();

        LocalPostgres pg = LocalPostgres.server();
        // BENCH_KEEP_DB=1 keeps the database afterwards, to look at plans and sizes
        boolean keep = "1".equals(System.getenv("BENCH_KEEP_DB"));
        String database = pg.createDatabase("bench", !keep);
        out.put("database", keep ? database : "(dropped)");
        var dataSource = pg.dataSource(database, 8);
        SchemaMigrator.migrate(dataSource);
        Path root = Files.createTempDirectory("settle-bench");
        EmbeddedSftpServer sftp = EmbeddedSftpServer.start(root.resolve("sftp"), root.resolve("keys"), 0);
        LocalDate day = LocalDate.of(2026, 11, 23);
        int merchants = 100;
        long perMerchant = Math.max(1, payments / merchants);

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JobsTestApplication.class)
                .properties(properties(pg, database, sftp, root)).run()) {
            JobRunner runner = context.getBean(JobRunner.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long t0;
            // The nightly pipeline runs in a scheduler node (./settle scheduler) that ran it the night before:
            // its code is compiled by then. A small previous night, run first and reported apart, gives the
            // measured day that state instead of a fresh JVM's (BENCH_WARMUP_PAYMENTS=0: a fresh JVM's first night)
            long warmupPerMerchant = warmupPayments(payments) / merchants;
            out.put("warmup_payments", warmupPerMerchant * merchants);
            if (warmupPerMerchant > 0) {
                LocalDate before = day.minusDays(1);
                generate(dataSource, sftp, before, merchants, (int) warmupPerMerchant);
                out.put("warmup_day_s", round2(runDay(runner, jdbc, before, new LinkedHashMap<>(), () -> { }).total()));
            }
            t0 = System.nanoTime();
            GeneratedDay generated = generate(dataSource, sftp, day, merchants, (int) perMerchant);
            out.put("generate_s", seconds(t0));
            out.put("sdr_rows", generated.sdrRows());
            // the day's own statement is ingested with the gateway report; the big one only after reconciliation,
            // so its 1M unrelated entries measure ingestion without distorting the reconciliation figures
            Path bigStatement = root.resolve("big-statement/statement_" + day + "_big.xml");
            t0 = System.nanoTime();
            writeStatement(bigStatement, statementEntries, day);
            out.put("statement_entries", statementEntries);
            out.put("statement_write_s", seconds(t0));
            out.put("statement_mb", Files.size(bigStatement) >> 20);

            long internal = jdbc.queryForObject("SELECT count(*) FROM gateway_transaction WHERE business_date <= ?", Long.class, day);
            double[] copyGateway = new double[1];
            Day measured = runDay(runner, jdbc, day, out, () -> copyGateway[0] = rawCopyOfReport(dataSource,
                    sftp.root().resolve("reports/settlement_detail_report_batch_" + day + ".csv")));
            long gatewayRows = jdbc.queryForObject("SELECT count(*) FROM visible_gateway_report_line WHERE file_business_date = ?",
                    Long.class, day);
            out.put("ingest_gateway_rows", gatewayRows);
            out.put("ingest_gateway_s", measured.ingestGatewayS());
            out.put("ingest_gateway_rows_per_s", (long) (gatewayRows / measured.ingestGatewayS()));
            out.put("raw_copy_gateway_s", copyGateway[0]);
            out.put("ingest_gateway_vs_copy", round2(measured.ingestGatewayS() / copyGateway[0]));
            out.put("reconcile_internal_transactions", internal);
            out.put("reconcile_gateway_lines", gatewayRows);
            out.put("reconcile_s", measured.reconcileS());
            out.put("reconcile_summary", jdbc.queryForObject("SELECT summary FROM recon_run ORDER BY id DESC LIMIT 1", String.class));
            out.put("settle_s", measured.settleS());
            out.put("settlements", jdbc.queryForObject("SELECT count(*) FROM settlement WHERE business_date = ?", Long.class, day));
            out.put("settled_transactions", jdbc.queryForObject("SELECT count(*) FROM settled_transaction WHERE business_date = ?",
                    Long.class, day));
            out.put("payout_s", measured.payoutS());
            out.put("payout_files", jdbc.queryForObject("SELECT count(*) FROM payout_file WHERE business_date = ?", Long.class, day));
            double pipeline = round2(measured.total());
            out.put("pipeline_day_s", pipeline);
            double floor = round2(copyGateway[0] + floorJoinAndTotals(dataSource, root.resolve("floor-payouts.csv")));
            out.put("floor_s", floor);
            out.put("pipeline_vs_floor", round2(pipeline / floor));
            Files.move(bigStatement, sftp.root().resolve("statements").resolve(bigStatement.getFileName()));
            long bankBefore = jdbc.queryForObject("SELECT count(*) FROM visible_bank_entry", Long.class);
            t0 = System.nanoTime();
            require(runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, "bank", IngestJob.BUSINESS_DATE, day.plusDays(1).toString())), "ingest_bank",
                    out);
            double ingestBank = seconds(t0);
            long bankRows = jdbc.queryForObject("SELECT count(*) FROM visible_bank_entry", Long.class) - bankBefore;
            double copyBank = rawCopyOfEntries(dataSource);
            out.put("ingest_bank_rows", bankRows);
            out.put("ingest_bank_s", ingestBank);
            out.put("ingest_bank_rows_per_s", (long) (bankRows / ingestBank));
            out.put("raw_copy_bank_s", copyBank);
            if (copyBank > 0) { // a small statement's COPY rounds to 0.00 s: no ratio rather than a huge one
                out.put("ingest_bank_vs_copy", round2(ingestBank / copyBank));
            }

            out.put("database_mb", jdbc.queryForObject("SELECT pg_database_size(current_database()) >> 20", Long.class));
        } finally {
            sftp.close();
            deleteRecursively(root); // the generated files are gigabytes at 10M
        }
        out.put("peak_heap_mb", heap.stop() >> 20);
        out.put("peak_heap_after_gc_mb", heap.peakAfterGc.get() >> 20);
        Files.createDirectories(results);
        String json = toJson(out);
        Files.writeString(results.resolve("pipeline-" + payments + ".json"), json);
        System.out.println(json);
        dataSource.close();
        System.exit(0);
    }

    static Map<String, Object> properties(LocalPostgres pg, String database, EmbeddedSftpServer sftp, Path root) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", pg.jdbcUrl(database));
        p.put("spring.datasource.username", pg.user());
        p.put("spring.datasource.password", pg.password());
        p.put("spring.batch.job.enabled", "false");
        p.put("spring.batch.jdbc.initialize-schema", "never");
        p.put("settle.redis.address", LocalRedis.server().uri());
        p.put("settle.work-directory", root.resolve("work").toString());
        p.put("settle.ingest.chunk-size", "10000");
        String b = "settle.payout.banks[0].";
        p.put(b + "name", "default");
        p.put(b + "host", sftp.host());
        p.put(b + "port", sftp.port());
        p.put(b + "user", sftp.user());
        p.put(b + "private-key", sftp.clientPrivateKeyFile().toString());
        p.put(b + "known-hosts", sftp.knownHostsFile().toString());
        p.put(b + "outbox-directory", "/bank/outbox");
        p.put(b + "nacha-immediate-destination", "091000019");
        p.put(b + "nacha-immediate-origin", "1234567890");
        p.put(b + "nacha-company-id", "1234567890");
        p.put(b + "nacha-odfi-routing", "091000019");
        p.put(b + "debtor-iban", "DE89370400440532013000");
        p.put(b + "debtor-bic", "COBADEFFXXX");
        String[][] sources = {{"adyen", "gateway", "adyen-sdr", "/reports", "settlement_detail_report_.*\\.csv"},
                {"bank", "bank", "camt053", "/statements", "statement_.*\\.xml"}};
        for (int i = 0; i < sources.length; i++) {
            String k = "settle.sources[" + i + "].";
            p.put(k + "name", sources[i][0]);
            p.put(k + "kind", sources[i][1]);
            p.put(k + "format", sources[i][2]);
            p.put(k + "host", sftp.host());
            p.put(k + "port", sftp.port());
            p.put(k + "user", sftp.user());
            p.put(k + "private-key", sftp.clientPrivateKeyFile().toString());
            p.put(k + "known-hosts", sftp.knownHostsFile().toString());
            p.put(k + "remote-directory", sources[i][3]);
            p.put(k + "file-pattern", sources[i][4]);
            p.put(k + "error-threshold-rows", "1000");
        }
        return p;
    }

    /** Seconds of each job of one night. */
    record Day(double ingestStatementS, double ingestGatewayS, double reconcileS, double settleS, double payoutS) {
        double total() {
            return ingestStatementS + ingestGatewayS + reconcileS + settleS + payoutS;
        }
    }

    /** Untimed work between two jobs of a night. */
    interface Between {
        void run() throws Exception;
    }

    /**
     * One night as the scheduler runs it: ingest (bank, gateway) → reconcile → settle → payout; step
     * times into {@code out}. {@code afterGatewayIngest} runs untimed right after the gateway's ingest
     * (the floor's COPY of the same report, measured where the ingest was).
     */
    static Day runDay(JobRunner runner, JdbcTemplate jdbc, LocalDate day, Map<String, Object> out, Between afterGatewayIngest)
            throws Exception {
        configureSettlement(jdbc);
        long t0 = System.nanoTime();
        require(runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, "bank", IngestJob.BUSINESS_DATE, day.toString())), "ingest_day_statement", out);
        double statement = seconds(t0);
        t0 = System.nanoTime();
        require(runner.run(IngestJob.NAME, Map.of(IngestJob.SOURCE, "adyen", IngestJob.BUSINESS_DATE, day.toString())), "ingest_gateway", out);
        double gateway = seconds(t0);
        afterGatewayIngest.run();
        t0 = System.nanoTime();
        require(runner.run(ReconcileJob.NAME, Map.of(ReconcileJob.BUSINESS_DATE, day.toString())), "reconcile", out);
        double reconcile = seconds(t0);
        t0 = System.nanoTime();
        require(runner.run("settle", Map.of("businessDate", day.toString())), "settle", out);
        double settle = seconds(t0);
        t0 = System.nanoTime();
        require(runner.run("payout", Map.of("businessDate", day.toString())), "payout", out);
        return new Day(statement, gateway, reconcile, settle, seconds(t0));
    }

    /** Payments of the small previous night: BENCH_WARMUP_PAYMENTS, else 1 % of the day's. */
    static long warmupPayments(long payments) {
        String configured = System.getenv("BENCH_WARMUP_PAYMENTS");
        return configured != null ? Long.parseLong(configured) : payments / 100;
    }

    /** Generates a day's payments into the database and its report and statement onto the SFTP server. */
    static GeneratedDay generate(javax.sql.DataSource dataSource, EmbeddedSftpServer sftp, LocalDate day, int merchants,
                                 int perMerchant) throws Exception {
        return new DayGenerator(dataSource).generate(
                new DaySpec(7, day, merchants, perMerchant, List.of("EUR", "USD", "JPY", "KWD"), 50, 5, true),
                sftp.root().resolve("reports/settlement_detail_report_batch_" + day + ".csv"),
                sftp.root().resolve("statements/statement_" + day + ".xml"));
    }

    /** Settlement terms for every generated merchant: pain.001 for EUR/JPY, NACHA for USD, CSV for KWD. */
    static void configureSettlement(JdbcTemplate jdbc) {
        jdbc.update("""
                INSERT INTO merchant_settlement_config (merchant_id, currency, capture_fee_bp, capture_fee_fixed_minor, payout_method,
                                                        payout_bank, beneficiary_name, iban, bic, routing_number, account_number,
                                                        account_type, on_return, updated_at, updated_by)
                SELECT id, default_currency, 290, 25,
                       CASE default_currency WHEN 'USD' THEN 'NACHA' WHEN 'KWD' THEN 'CSV' ELSE 'PAIN001' END, 'default',
                       'BENCH MERCHANT',
                       CASE WHEN default_currency = 'USD' THEN NULL ELSE 'FR1420041010050500013M02606' END,
                       CASE WHEN default_currency = 'USD' THEN NULL ELSE 'BNPAFRPPXXX' END,
                       CASE WHEN default_currency = 'USD' THEN '021000021' END,
                       CASE WHEN default_currency = 'USD' THEN '123456789' END, 'checking', 'repay', now(), 'bench'
                  FROM merchant
                    ON CONFLICT DO NOTHING""");
    }

    /**
     * The floor's join and aggregate, on the report COPYed into a bare text table: one SQL join that
     * classifies every transaction, one aggregate that writes payout totals per merchant to a file.
     */
    static double floorJoinAndTotals(javax.sql.DataSource ds, Path totalsFile) throws Exception {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("""
                    CREATE TABLE floor_match AS
                    SELECT coalesce(t.merchant_id, r.c1) AS merchant_id, coalesce(t.currency, r.c9) AS currency,
                           t.amount_minor AS ours_minor,
                           (coalesce(nullif(r.c11, ''), '0')::numeric - coalesce(nullif(r.c10, ''), '0')::numeric)
                               * CASE r.c9 WHEN 'JPY' THEN 1 WHEN 'KWD' THEN 1000 ELSE 100 END AS theirs_minor,
                           CASE WHEN r.c8 IS NULL THEN 'missing_in_gateway' WHEN t.id IS NULL THEN 'missing_internally'
                                WHEN t.currency <> r.c9 THEN 'currency' ELSE 'compared' END AS outcome
                      FROM (SELECT * FROM gateway_transaction WHERE kind = 'capture') t
                      FULL JOIN (SELECT * FROM bench_raw_sdr WHERE c7 = 'Settled') r ON r.c8 = t.modification_reference""");
            try (var out = Files.newOutputStream(totalsFile)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                        COPY (SELECT merchant_id, currency, sum(ours_minor) AS payout_minor FROM floor_match
                               WHERE outcome = 'compared' AND ours_minor = theirs_minor GROUP BY 1, 2 ORDER BY 1, 2) TO STDOUT (FORMAT csv)""", out);
            }
            return seconds(t0);
        }
    }

    /** The floor for the gateway report: PostgreSQL's own COPY of the CSV file into a bare text table. */
    static double rawCopyOfReport(javax.sql.DataSource ds, Path csv) throws Exception {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            String header = Files.newBufferedReader(csv).readLine();
            StringBuilder cols = new StringBuilder();
            for (int i = 0; i < header.split(",").length; i++) {
                cols.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
            }
            s.execute("CREATE TABLE bench_raw_sdr (" + cols + ")");
            long t0 = System.nanoTime();
            try (Reader r = Files.newBufferedReader(csv)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_raw_sdr FROM STDIN (FORMAT csv, HEADER true)", r);
            }
            return seconds(t0);
        }
    }

    /** The floor for the statement: a plain COPY of the same entry rows into a bare table. */
    static double rawCopyOfEntries(javax.sql.DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE bench_raw_entry AS SELECT * FROM bank_entry WITH NO DATA");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            // through a file, not the heap: a 1M-entry buffer (~250 MB) would be the run's peak heap
            Path rows = Files.createTempFile("bench-entries", ".csv");
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(rows), 1 << 16)) {
                    copy.copyOut("COPY bank_entry TO STDOUT (FORMAT csv)", out);
                }
                long t0 = System.nanoTime();
                try (var in = new java.io.BufferedInputStream(Files.newInputStream(rows), 1 << 16)) {
                    copy.copyIn("COPY bench_raw_entry FROM STDIN (FORMAT csv)", in);
                }
                return seconds(t0);
            } finally {
                Files.deleteIfExists(rows);
            }
        }
    }

    static void writeStatement(Path file, long entries, LocalDate day) throws Exception {
        Files.createDirectories(file.getParent());
        var eur = dev.settle.money.CurrencyUnit.EUR;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16); Camt053Writer w = new Camt053Writer(out, CamtMessage.CAMT053_001_02, false)) {
            w.writeGroupHeader("BENCH-" + day, day + "T06:00:00");
            w.startStatement(new CamtStatement(1, "BENCH-STMT", "1", null, day + "T06:00:00", null, "BENCH-ACCOUNT", eur,
                    List.of(new CamtBalance("OPBD", Money.zero(eur), CreditDebit.CRDT, day, XmlLocation.NONE),
                            new CamtBalance("CLBD", Money.zero(eur), CreditDebit.CRDT, day, XmlLocation.NONE)), XmlLocation.NONE));
            for (long i = 1; i <= entries; i++) {
                Money amount = Money.ofMinor(100 + i % 9_000, eur);
                w.writeEntry(new CamtEntry(1, amount, i % 2 == 0 ? CreditDebit.CRDT : CreditDebit.DBIT, false, "BOOK", day, day,
                        "REF" + i, "PMNT/RCDT/ESCT", null, null, List.of(new CamtTransaction("E2E" + i, null, null, null, amount, null,
                        List.of("INVOICE " + i), null, "Debtor " + i % 100, null, "Creditor", null, XmlLocation.NONE)), XmlLocation.NONE));
            }
            w.endStatement();
        }
    }

    static void deleteRecursively(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Fails unless the job completed; records its top-level steps' seconds as "{label}_steps". */
    static void require(JobExecution execution, String label, Map<String, Object> out) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException(label + " ended " + execution.getStatus());
        }
        StringBuilder steps = new StringBuilder();
        execution.getStepExecutions().stream()
                .filter(step -> !step.getStepName().contains(":")) // partition workers are inside their manager step
                .sorted(java.util.Comparator.comparing(StepExecution::getStartTime))
                .forEach(step -> steps.append(steps.isEmpty() ? "" : ", ").append(step.getStepName()).append(' ')
                        .append(round2(java.time.Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9)));
        out.put(label + "_steps", steps.toString());
    }

    static double seconds(long startNs) {
        return round2((System.nanoTime() - startNs) / 1e9);
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String toJson(Map<String, Object> map) {
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (var e : map.entrySet()) {
            Object v = e.getValue();
            b.append("  \"").append(e.getKey()).append("\": ")
                    .append(v instanceof String ? "\"" + v.toString().replace("\"", "'") + "\"" : v)
                    .append(++i < map.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    /**
     * Samples used heap every 50 ms (G1 lets garbage fill the heap before it collects, so this peak
     * nears -Xmx whatever the job keeps), and records the heap in use right after each collection:
     * the larger of that is an upper bound of what the pipeline really holds.
     */
    @NonMonetary("not money")
    static final class HeapSampler {
        final AtomicLong peak = new AtomicLong();
        final AtomicLong peakAfterGc = new AtomicLong();
        volatile boolean running = true;
        final Thread thread = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread.setDaemon(true);
            s.thread.start();
            java.util.Set<String> heapPools = new java.util.HashSet<>();
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        return;
                    }
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) notification.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    s.peakAfterGc.accumulateAndGet(after, Math::max);
                }, null, null);
            }
            return s;
        }

        long stop() {
            running = false;
            return peak.get();
        }
    }
}
