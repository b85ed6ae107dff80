package dev.settle.app;

import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./settle stop <execution>}: ask a running execution to stop after its current chunk. */
@Command(name = "stop", description = {
        "Ask a running job execution to stop gracefully: it is marked STOPPING in the database and the node running "
                + "it stops after the chunk in progress commits (STOPPED, restartable with `settle restart`).",
        "Exit: 0 stop requested, 1 not running, 2 unknown execution, 3 infrastructure."})
final class StopCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "EXECUTION")
    long executionId;
    @Mixin
    JobsContext.ConfigOption config;

    @Override
    public Integer call() {
        return OpsSupport.withContext(config, context -> {
            JobExecution execution = dev.settle.schedules.PipelineStatus.find(context.getBean(JobRepository.class), executionId);
            if (execution == null) {
                throw new OpsSupport.UsageException("no job execution " + executionId);
            }
            try {
                context.getBean(JobOperator.class).stop(execution);
            } catch (JobExecutionNotRunningException e) {
                System.err.println("settle: execution " + executionId + " is not running (" + execution.getStatus() + ")");
                return SettleMain.EXIT_BUSINESS;
            }
            System.out.println("Stop requested for execution " + executionId + " (" + execution.getJobInstance().getJobName()
                    + "); it stops after its current chunk. Restart later with `settle restart " + executionId + "`.");
            return SettleMain.EXIT_OK;
        });
    }
}
