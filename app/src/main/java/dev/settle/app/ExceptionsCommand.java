package dev.settle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.jobs.reconcile.ExceptionAction;
import dev.settle.jobs.reconcile.ExceptionsWorkflow;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.Filter;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.Resolution;
import dev.settle.jobs.reconcile.ExceptionsWorkflow.WorkflowException;
import dev.settle.jobs.reconcile.ReconException;
import dev.settle.money.CurrencyUnit;
import dev.settle.money.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./settle exceptions list|show|resolve|reopen}: finance's reconciliation exceptions workflow. */
@Command(name = "exceptions", description = "List, inspect, resolve and reopen reconciliation exceptions.",
        subcommands = {ExceptionsCommand.ListCmd.class, ExceptionsCommand.Show.class, ExceptionsCommand.Resolve.class,
                ExceptionsCommand.Reopen.class})
final class ExceptionsCommand {

    static <T> int withWorkflow(Function<ExceptionsWorkflow, T> work, Function<T, Integer> print) {
        try (HikariDataSource ds = LocalServicesBootstrap.migratedDataSource(LocalServicesBootstrap.databaseName())) {
            T result;
            try {
                result = work.apply(new ExceptionsWorkflow(ds, Clock.systemUTC()));
            } catch (WorkflowException e) {
                System.err.println("settle: " + e.code() + ": " + e.getMessage());
                return SettleMain.EXIT_BUSINESS;
            }
            return print.apply(result);
        }
    }

    static String actor(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String user = System.getenv("SETTLE_USER");
        return user != null && !user.isBlank() ? user : System.getProperty("user.name");
    }

    static String money(Long minor, String currency) {
        if (minor == null) {
            return "-";
        }
        return CurrencyUnit.find(currency).map(c -> Money.ofMinor(minor, c).toString()).orElse(minor + " " + currency);
    }

    /**
     * One side of an exception as indented "column  value" lines, empty columns left out. Amounts
     * ({@code *_minor}) are shown in their currency with the stored minor units next to them:
     * {@code 3.397 KWD (3397)}. A net amount is in the row's net currency when it has one. Times
     * are instants in UTC, not the JVM's zone.
     */
    static List<String> itemLines(String title, Map<String, Object> row, String fallbackCurrency) {
        if (row.isEmpty()) {
            return List.of("  " + title + ": none");
        }
        List<String> lines = new ArrayList<>();
        lines.add("  " + title + ":");
        row.forEach((column, value) -> {
            if (value == null || value.toString().isBlank()) {
                return;
            }
            String shown = value instanceof Timestamp at ? at.toInstant().toString() : value.toString().trim();
            if (column.endsWith("_minor") && value instanceof Number minor) {
                Object ccy = column.startsWith("net_") && row.get("net_currency") != null ? row.get("net_currency")
                        : row.getOrDefault("currency", fallbackCurrency);
                shown = money(minor.longValue(), ccy == null ? "" : ccy.toString().trim()) + " (" + minor + ")";
            }
            lines.add(String.format("    %-24s %s", column, shown));
        });
        return lines;
    }

    static void printRow(ReconException e) {
        System.out.printf("%-6d %-10s %-24s %-8s %-18s %-30s %s%n", e.id(), e.businessDate(), e.type(), e.status(),
                money(e.amountMinor(), e.currency()), e.reference(), e.merchantId());
    }

    @Command(name = "list", description = "List exceptions (newest business date last).")
    static final class ListCmd implements Callable<Integer> {
        @Option(names = "--date", description = "Business date (yyyy-MM-dd)") LocalDate date;
        @Option(names = "--type", description = "e.g. AMOUNT_MISMATCH, MISSING_IN_GATEWAY") String type;
        @Option(names = "--merchant") String merchant;
        @Option(names = "--status", description = "OPEN or RESOLVED") String status;
        @Option(names = "--min-age-days", description = "First seen at least this many days ago") Integer minAgeDays;
        @Option(names = "--limit", defaultValue = "500") int limit;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            return withWorkflow(w -> w.list(new Filter(date, type, merchant, status, minAgeDays, null, limit)), list -> {
                if (json) {
                    System.out.println(CliJson.write(list));
                } else {
                    System.out.printf("%-6s %-10s %-24s %-8s %-18s %-30s %s%n", "ID", "DATE", "TYPE", "STATUS", "AMOUNT",
                            "REFERENCE", "MERCHANT");
                    list.forEach(ExceptionsCommand::printRow);
                    System.out.println(list.size() + " exception(s)");
                }
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "show", description = "Show one exception: both sides, the difference, its history.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", description = "Exception id") long id;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            return withWorkflow(w -> w.show(id), detail -> {
                if (detail.isEmpty()) {
                    System.err.println("settle: NOT_FOUND: no exception " + id);
                    return SettleMain.EXIT_BUSINESS;
                }
                var d = detail.get();
                if (json) {
                    System.out.println(CliJson.write(d));
                    return SettleMain.EXIT_OK;
                }
                ReconException e = d.exception();
                System.out.printf("Exception %d  %s  %s  (leg %s)%n", e.id(), e.type(), e.status(), e.leg());
                System.out.printf("  business date %s, first seen %s, last seen %s%n", e.businessDate(), e.firstSeenDate(), e.lastSeenDate());
                System.out.printf("  amount %s, reference %s, merchant %s%n", money(e.amountMinor(), e.currency()), e.reference(), e.merchantId());
                System.out.printf("  %s%n", e.details());
                itemLines("reconciliation result", d.result(), e.currency()).forEach(System.out::println);
                itemLines("item " + e.itemKey(), d.item(), e.currency()).forEach(System.out::println);
                itemLines("counterpart", d.counterpart(), e.currency()).forEach(System.out::println);
                if (e.resolutionKind() != null) {
                    System.out.printf("  resolved %s by %s at %s: %s%n", e.resolutionKind(), e.resolvedBy(), e.resolvedAt(), e.resolution());
                }
                System.out.println("  history:");
                for (ExceptionAction a : d.history()) {
                    System.out.printf("    %s %-13s %-14s %s%n", a.at(), a.action(), a.actor(), a.note());
                }
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "resolve", description = "Resolve an open exception (a note is mandatory).")
    static final class Resolve implements Callable<Integer> {
        @Parameters(index = "0", description = "Exception id") long id;
        @Option(names = "--kind", required = true, description = "MANUAL_MATCH, WRITE_OFF or ACCEPTED") Resolution kind;
        @Option(names = "--note", required = true, description = "Why") String note;
        @Option(names = "--with", description = "For MANUAL_MATCH: the counterpart item key (e.g. gw:12:345)") String with;
        @Option(names = "--as", description = "Who (default: $SETTLE_USER or the OS user)") String as;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            return withWorkflow(w -> w.resolve(id, kind, note, actor(as), with), e -> print(e, json));
        }
    }

    @Command(name = "reopen", description = "Reopen a resolved exception (a note is mandatory).")
    static final class Reopen implements Callable<Integer> {
        @Parameters(index = "0", description = "Exception id") long id;
        @Option(names = "--note", required = true) String note;
        @Option(names = "--as") String as;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            return withWorkflow(w -> w.reopen(id, note, actor(as)), e -> print(e, json));
        }
    }

    static int print(ReconException e, boolean json) {
        if (json) {
            System.out.println(CliJson.write(List.of(e)));
        } else {
            printRow(e);
        }
        return SettleMain.EXIT_OK;
    }
}
