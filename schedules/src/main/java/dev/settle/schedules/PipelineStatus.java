package dev.settle.schedules;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.lock.JobLocks;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/** What {@code settle status} shows: executions, their steps' counts and durations, lock holders. */
public final class PipelineStatus {

    private final JobRepository jobRepository;
    private final JobLocks locks;
    private final JdbcTemplate jdbc;

    public PipelineStatus(JobRepository jobRepository, JobLocks locks, DataSource dataSource) {
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * @param lockHolder who holds the execution's lock now ("" when free; "unknown: …" without Redis)
     */
    public record ExecutionView(long executionId, long instanceId, String job, Map<String, String> parameters,
                                String status, String exitCode, String exitDescription, LocalDateTime startTime,
                                LocalDateTime endTime, Long durationMs, Long fencingToken, String lockName,
                                String lockHolder, List<StepView> steps) {
    }

    public record StepView(long stepExecutionId, String name, String status, long readCount, long writeCount,
                           long skipCount, long filterCount, long commitCount, long rollbackCount, Long durationMs) {
    }

    /** Executions for a business date (oldest first), or the latest {@code limit} when date is null. */
    public List<ExecutionView> executions(LocalDate date, int limit) {
        List<Long> ids = date == null
                ? jdbc.queryForList("SELECT job_execution_id FROM batch_job_execution ORDER BY job_execution_id DESC LIMIT ?",
                        Long.class, limit)
                : jdbc.queryForList("""
                        SELECT e.job_execution_id FROM batch_job_execution e
                          JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                         WHERE p.parameter_name = 'businessDate' AND p.parameter_value = ?
                         ORDER BY e.job_execution_id""", Long.class, date.toString());
        List<ExecutionView> views = new ArrayList<>();
        boolean redisUp = redisUp();
        for (long id : ids) {
            JobExecution e = jobRepository.getJobExecution(id);
            if (e != null) {
                views.add(view(e, redisUp));
            }
        }
        views.sort(Comparator.comparingLong(ExecutionView::executionId));
        return views;
    }

    /** One execution, or null. */
    public ExecutionView execution(long id) {
        JobExecution e = find(jobRepository, id);
        return e == null ? null : view(e, redisUp());
    }

    /** Step executions of the currently running executions (for progress display). */
    public List<StepView> runningSteps(long executionId) {
        JobExecution e = find(jobRepository, executionId);
        return e == null ? List.of() : steps(e);
    }

    /** The execution, or null (the JDBC repository throws for an unknown id instead of returning null). */
    public static JobExecution find(JobRepository jobRepository, long id) {
        try {
            return jobRepository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return null;
        }
    }

    /** One probe, so a listing without Redis costs one timeout, not one per execution. */
    private boolean redisUp() {
        try {
            locks.holder(JobRunnerProbe.NAME);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class JobRunnerProbe {
        static final String NAME = "status-probe";
    }

    private ExecutionView view(JobExecution e, boolean redisUp) {
        String lockName = JobRunner.lockName(e);
        String holder = "unknown: Redis unreachable";
        if (redisUp) {
            try {
                String h = locks.holder(lockName);
                holder = h == null ? "" : h;
            } catch (RuntimeException ex) {
                holder = "unknown: Redis unreachable";
            }
        }
        String description = e.getExitStatus().getExitDescription();
        return new ExecutionView(e.getId(), e.getJobInstanceId(), e.getJobInstance().getJobName(), JobRunner.identifying(e),
                e.getStatus().name(), e.getExitStatus().getExitCode(),
                description == null ? "" : description.lines().findFirst().orElse(""),
                e.getStartTime(), e.getEndTime(), duration(e.getStartTime(), e.getEndTime()),
                e.getJobParameters().getLong(dev.settle.jobs.lock.FencingGuard.TOKEN_PARAMETER), lockName, holder, steps(e));
    }

    private static List<StepView> steps(JobExecution e) {
        return e.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId))
                .map(s -> new StepView(s.getId(), s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                        s.getSkipCount(), s.getFilterCount(), s.getCommitCount(), s.getRollbackCount(),
                        duration(s.getStartTime(), s.getEndTime())))
                .toList();
    }

    private static Long duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return null;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis();
    }
}
