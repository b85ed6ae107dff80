package dev.settle.app;

import dev.settle.jobs.JobRunner;
import dev.settle.schedules.PipelineStatus;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./settle restart <execution>}: resume a failed, stopped or crashed execution. */
@Command(name = "restart", description = {
        "Restart a FAILED or STOPPED job execution (or one a dead node left STARTED) from its last committed chunk, "
                + "in this process. Then continue the date with `settle run pipeline --date D`.",
        "Exit: 0 completed, 1 failed again/refused, 2 unknown execution, 3 infrastructure."})
final class RestartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION", description = "Job execution id (see `settle status`)")
    long executionId;
    @Option(names = "--json")
    boolean json;
    @Mixin
    JobsContext.ConfigOption config;

    @Override
    public Integer call() {
        return OpsSupport.withContext(config, context -> {
            PipelineStatus status = context.getBean(PipelineStatus.class);
            if (status.execution(executionId) == null) {
                throw new OpsSupport.UsageException("no job execution " + executionId);
            }
            JobExecution restarted;
            try {
                restarted = context.getBean(JobRunner.class).restart(executionId);
            } catch (JobInstanceAlreadyCompleteException e) {
                System.err.println("settle: refused: execution " + executionId + "'s job instance already completed; "
                        + "use `settle rerun` for a deliberate new run");
                return SettleMain.EXIT_BUSINESS;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            var view = status.execution(restarted.getId());
            if (json) {
                System.out.println(CliJson.write(view));
            } else {
                System.out.printf("Execution %d restarted as %d: %s %s%n", executionId, restarted.getId(), view.status(),
                        view.exitDescription());
                StatusCommand.printSteps(view);
            }
            return restarted.getStatus() == BatchStatus.COMPLETED ? SettleMain.EXIT_OK : SettleMain.EXIT_BUSINESS;
        });
    }
}
