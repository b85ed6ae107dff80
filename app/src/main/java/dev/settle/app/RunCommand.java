package dev.settle.app;

import dev.settle.jobs.JobNames;
import dev.settle.schedules.PipelineResult;
import dev.settle.schedules.PipelineRunner;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./settle run <step|pipeline> --date D}: run (or resume) a business date, in this process. */
@Command(name = "run", description = {
        "Run a step or the whole pipeline (ingest -> reconcile -> settle -> payout) for a business date, in this "
                + "process. Completed steps are not repeated; a failed or crashed step resumes from its last committed chunk.",
        "Exit: 0 completed, 1 failed/refused/running elsewhere, 2 usage, 3 infrastructure (database, Redis)."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STEP", description = "pipeline, ingest, reconcile, settle or payout")
    String step;
    @Option(names = "--date", required = true, description = "Business date (yyyy-MM-dd)")
    LocalDate date;
    @Option(names = "--json", description = "Print the result as JSON")
    boolean json;
    @Mixin
    JobsContext.ConfigOption config;

    @Override
    public Integer call() {
        JobNames stage;
        try {
            stage = OpsSupport.stage(step);
        } catch (OpsSupport.UsageException e) {
            System.err.println("settle: " + e.getMessage());
            return SettleMain.EXIT_USAGE;
        }
        return OpsSupport.withContext(config, context -> {
            PipelineRunner pipeline = context.getBean(PipelineRunner.class);
            PipelineResult result;
            try (AutoCloseable progress = ProgressReporter.start(context.getBean(DataSource.class), date, json)) {
                result = stage == null ? pipeline.run(date) : pipeline.run(stage, date);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return OpsSupport.print(result, json);
        });
    }
}
