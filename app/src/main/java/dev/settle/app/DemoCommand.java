package dev.settle.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./settle demo}: README's run command. It starts (or finds) every service it needs and runs
 * the end-to-end day. Until the pipeline exists it prints the health summary.
 */
@Command(name = "demo", description = "Run the end-to-end demo on local services (embedded when none are running).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--database", description = "Database for the demo (created if missing). Default: ${DEFAULT-VALUE}")
    String database = "settle_demo";

    @Override
    public Integer call() {
        return HealthCommand.HealthReport.print(database);
    }
}
