package dev.settle.schedules;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Listens to every job (registered on each Job bean by {@link SchedulesConfiguration}): puts
 * {@code jobExecutionId} and {@code businessDate} in the logging MDC for the job's thread, and
 * records Prometheus meters when it ends:
 * <ul>
 *   <li>{@code settle_job_duration_seconds{job,status}} (timer)</li>
 *   <li>{@code settle_step_items_read_total}, {@code _written_total}, {@code _skipped_total} {job,step}
 *       (partition suffixes such as {@code loadFile:file-7} are folded into {@code loadFile})</li>
 *   <li>{@code settle_job_runs_total{job,status}}</li>
 * </ul>
 */
final class JobObservability implements JobExecutionListener {

    private final ObjectProvider<MeterRegistry> registry;

    JobObservability(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        MDC.put("jobExecutionId", String.valueOf(execution.getId()));
        String date = execution.getJobParameters().getString("businessDate");
        if (date != null) {
            MDC.put("businessDate", date);
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            MeterRegistry meters = registry.getIfAvailable();
            if (meters != null) {
                record(meters, execution);
            }
        } finally {
            MDC.remove("jobExecutionId");
        }
    }

    static void record(MeterRegistry meters, JobExecution execution) {
        String job = execution.getJobInstance().getJobName();
        String status = execution.getStatus().name();
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
        if (start != null) {
            meters.timer("settle.job.duration", Tags.of("job", job, "status", status)).record(Duration.between(start, end));
        }
        meters.counter("settle.job.runs", Tags.of("job", job, "status", status)).increment();
        for (StepExecution step : execution.getStepExecutions()) {
            Tags tags = Tags.of("job", job, "step", stepName(step.getStepName()));
            meters.counter("settle.step.items.read", tags).increment(step.getReadCount());
            meters.counter("settle.step.items.written", tags).increment(step.getWriteCount());
            meters.counter("settle.step.items.skipped", tags).increment(step.getSkipCount());
        }
    }

    static String stepName(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}
