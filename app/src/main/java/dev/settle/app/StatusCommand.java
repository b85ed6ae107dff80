package dev.settle.app;

import dev.settle.schedules.PipelineStatus;
import dev.settle.schedules.PipelineStatus.ExecutionView;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./settle status [--date D]}: executions, per-step counts and durations, lock holders. */
@Command(name = "status", description = {
        "Show job executions (of a business date, or the latest), their steps' counts and durations, the fencing "
                + "token and who holds the lock now.",
        "Exit: 0 ok (also when executions failed: this only reports), 2 usage, 3 infrastructure."})
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--date", description = "Business date (yyyy-MM-dd); default: the latest executions")
    LocalDate date;
    @Option(names = "--limit", defaultValue = "20", description = "Without --date: how many executions (default 20)")
    int limit;
    @Option(names = "--json")
    boolean json;
    @Mixin
    JobsContext.ConfigOption config;

    @Override
    public Integer call() {
        return OpsSupport.withContext(config, context -> {
            List<ExecutionView> executions = context.getBean(PipelineStatus.class).executions(date, limit);
            if (json) {
                System.out.println(CliJson.write(executions));
                return SettleMain.EXIT_OK;
            }
            System.out.printf("%-6s %-10s %-28s %-10s %-19s %9s %-6s %s%n", "EXEC", "JOB", "PARAMETERS", "STATUS", "STARTED",
                    "DURATION", "TOKEN", "LOCK HOLDER");
            for (ExecutionView e : executions) {
                String params = e.parameters().entrySet().stream().filter(p -> !p.getKey().equals("businessDate") || date == null)
                        .map(p -> p.getKey() + "=" + p.getValue()).reduce((a, b) -> a + " " + b).orElse("");
                System.out.printf("%-6d %-10s %-28s %-10s %-19s %9s %-6s %s%n", e.executionId(), e.job(), params, e.status(),
                        e.startTime() == null ? "" : e.startTime().withNano(0).toString().replace('T', ' '),
                        duration(e.durationMs()), e.fencingToken() == null ? "" : e.fencingToken(),
                        e.lockHolder().isEmpty() ? "-" : e.lockHolder());
                if (!e.status().equals("COMPLETED") && !e.exitDescription().isEmpty()) {
                    System.out.println("       " + e.exitDescription());
                }
                printSteps(e);
            }
            System.out.println(executions.size() + " execution(s)");
            return SettleMain.EXIT_OK;
        });
    }

    static void printSteps(ExecutionView e) {
        for (var s : e.steps()) {
            System.out.printf("         %-28s %-10s read %-8d written %-8d skipped %-6d %9s%n", s.name(), s.status(), s.readCount(),
                    s.writeCount(), s.skipCount(), duration(s.durationMs()));
        }
    }

    static String duration(Long ms) {
        if (ms == null) {
            return "";
        }
        return ms < 10_000 ? ms + "ms" : ms / 1000 + "s";
    }
}
