package dev.settle.app;

import dev.settle.jobs.JobNames;
import dev.settle.schedules.PipelineResult;
import dev.settle.schedules.PipelineRunner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./settle rerun <step|pipeline> --date D}: a deliberate new run of a completed date. */
@Command(name = "rerun", description = {
        "Deliberately run a completed business date again (e.g. corrected files arrived): ingest fetches again and "
                + "reconciliation recomputes, as new job instances. Settlement and payouts stay exactly-once: "
                + "when they completed for the date they are NOT repeated.",
        "Exit: 0 completed, 1 failed/refused/running elsewhere, 2 usage, 3 infrastructure."})
final class RerunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STEP", description = "pipeline, ingest, reconcile, settle or payout")
    String step;
    @Option(names = "--date", required = true, description = "Business date (yyyy-MM-dd)")
    LocalDate date;
    @Option(names = "--id", description = "Rerun id, recorded as job parameter 'rerun' (default: the current time)")
    String rerunId;
    @Option(names = "--json")
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
        String id = rerunId != null ? rerunId : Instant.now().toString();
        return OpsSupport.withContext(config, context -> {
            PipelineResult result;
            try (AutoCloseable progress = ProgressReporter.start(context.getBean(DataSource.class), date, json)) {
                result = context.getBean(PipelineRunner.class).rerun(stage, date, id);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return OpsSupport.print(result, json);
        });
    }
}
