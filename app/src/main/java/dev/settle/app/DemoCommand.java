package dev.settle.app;

import dev.settle.app.demo.DemoDay;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./settle demo}: README's run command. Starts (or finds) PostgreSQL and Redis, an
 * in-process SFTP server playing the gateway and the bank, the payment API; creates merchants in
 * four currencies, drives a day of payments over HTTP, emulates the gateway's report and the bank
 * statement with a few discrepancies, runs the nightly pipeline and prints what finance sees.
 * {@code --next-day} continues with the following business day (carry-over).
 */
@Command(name = "demo", description = "Run the end-to-end demo (a business day; --next-day for the following one).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--next-day", description = "Continue the previous demo with its next business day")
    boolean nextDay;

    @Option(names = "--date", description = "Business date of a new demo (default: yesterday, UTC)")
    LocalDate date;

    @Option(names = "--payments", defaultValue = "24", description = "Payments per merchant (default: ${DEFAULT-VALUE})")
    int paymentsPerMerchant;

    @Option(names = "--database", defaultValue = "settle_demo", description = "Demo database (default: ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--work-dir", defaultValue = ".settle/demo", description = "Demo files: SFTP root, keys, state (default: ${DEFAULT-VALUE})")
    Path workDirectory;

    @Override
    public Integer call() throws Exception {
        DemoDay demo = new DemoDay(database, workDirectory, paymentsPerMerchant);
        LocalDate day = nextDay ? demo.nextDay()
                : date != null ? date : LocalDate.now(ZoneOffset.UTC).minusDays(1);
        return demo.run(day, !nextDay) ? SettleMain.EXIT_OK : SettleMain.EXIT_BUSINESS;
    }

}
