package dev.settle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.jobs.reconcile.GatewayFeeReport;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./settle reports gateway-fees}: what the gateway charged us against what we expected. */
@Command(name = "reports", description = "Finance reports.", subcommands = ReportsCommand.GatewayFees.class)
final class ReportsCommand {

    @Command(name = "gateway-fees", description = "Gateway fees actually charged vs the fee schedule, per currency.")
    static final class GatewayFees implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "First business date (yyyy-MM-dd)") LocalDate from;
        @Option(names = "--to", description = "Last business date (default: --from)") LocalDate to;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            try (HikariDataSource ds = LocalServicesBootstrap.migratedDataSource(LocalServicesBootstrap.databaseName())) {
                var rows = new GatewayFeeReport(ds).between(from, to == null ? from : to);
                if (json) {
                    System.out.println(CliJson.write(rows));
                    return SettleMain.EXIT_OK;
                }
                System.out.printf("%-4s %8s %16s %16s %16s %10s %12s%n", "CCY", "LINES", "ACTUAL", "EXPECTED", "DIFFERENCE",
                        "OVER", "UNSCHEDULED");
                for (var r : rows) {
                    System.out.printf("%-4s %8d %16s %16s %16s %10d %12d%n", r.currency(), r.lines(),
                            ExceptionsCommand.money(r.actualMinor(), r.currency()), ExceptionsCommand.money(r.expectedMinor(), r.currency()),
                            ExceptionsCommand.money(r.differenceMinor(), r.currency()), r.linesOverCharged(), r.linesWithoutSchedule());
                }
                return SettleMain.EXIT_OK;
            }
        }
    }
}
