package dev.settle.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.settle.app.demo.DemoDay;
import dev.settle.localservices.LocalPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's run command, {@code ./settle demo} and then {@code --next-day}, end to end against the
 * real PostgreSQL and Redis (found or embedded), with its own database and work directory: what
 * it prints is what a newcomer reads first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCommandTest {

    static final String DATABASE = "settle_demo_cmd_test";

    @TempDir
    static Path work;

    @AfterAll
    static void dropDatabase() {
        LocalPostgres.server().dropDatabase(DATABASE);
    }

    @Test
    @Order(1)
    void a_first_day_reconciles_settles_pays_out_and_balances() throws Exception {
        String out = settle("demo", "--date", "2026-11-24", "--payments", "8", "--database", DATABASE,
                "--work-dir", work.resolve("demo").toString());

        assertThat(out).contains("Settle demo, business date 2026-11-24", "Nightly pipeline:",
                "Reconciliation (leg 1, our transactions vs the gateway report):",
                "Payout files (bank SFTP outbox):", "Ledger: balanced");
        // one planted discrepancy of each kind, each an open exception
        assertThat(out).containsPattern("AMOUNT_MISMATCH +1 ").containsPattern("MISSING_INTERNALLY +1 ")
                .containsPattern("MISSING_IN_GATEWAY +1 ").containsPattern("UNMATCHED_BANK_CREDIT +1 ");
        for (String job : new String[] {"ingest adyen", "ingest bank", "reconcile", "settle", "payout"}) {
            assertThat(out).containsPattern(job + " +COMPLETED");
        }
        assertThat(out).contains(DemoDay.exceptionsCommand(DATABASE,
                LocalPostgres.server().embedded() ? work.resolve("pgdata").toString() : null));
    }

    @Test
    @Order(2)
    void the_next_day_clears_yesterdays_missing_capture_with_its_late_line() throws Exception {
        String out = settle("demo", "--next-day", "--payments", "8", "--database", DATABASE,
                "--work-dir", work.resolve("demo").toString());

        assertThat(out).contains("Settle demo, business date 2026-11-25", "Ledger: balanced")
                .containsPattern("cleared by a late line: MISSING_IN_GATEWAY \\S+ \\(matched on 2026-11-25\\)");
    }

    @Test
    @Order(3)
    void the_printed_command_lists_the_demos_open_exceptions() throws Exception {
        System.setProperty("settle.db.name", DATABASE);
        try {
            String out = settle("exceptions", "list", "--status", "OPEN");

            assertThat(out).contains("MISSING_INTERNALLY", "UNMATCHED_BANK_CREDIT").doesNotContain(" 0 exception(s)");
        } finally {
            System.clearProperty("settle.db.name");
        }
    }

    @Test
    void the_printed_command_names_an_embedded_clusters_data_directory() {
        assertThat(DemoDay.exceptionsCommand("settle_demo", null))
                .isEqualTo("SETTLE_DB_NAME=settle_demo ./settle exceptions list --status OPEN");
        assertThat(DemoDay.exceptionsCommand("settle_demo", ".settle/pgdata"))
                .isEqualTo("SETTLE_PG_DATA_DIRECTORY=.settle/pgdata SETTLE_DB_NAME=settle_demo ./settle exceptions list --status OPEN");
    }

    /** Runs {@code ./settle args} in this JVM and returns what it printed; fails unless it exits 0. */
    static String settle(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String dataDirectoryBefore = System.getProperty("settle.pg.data-directory");
        int exitCode;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exitCode = SettleMain.commandLine().execute(args);
        } finally {
            System.setOut(original);
            restore("settle.pg.data-directory", dataDirectoryBefore); // the demo sets it for an embedded cluster
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        assertThat(exitCode).as(out).isZero();
        return out;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
