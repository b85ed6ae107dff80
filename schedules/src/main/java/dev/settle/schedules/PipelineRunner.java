package dev.settle.schedules;

import dev.settle.jobs.JobNames;
import dev.settle.jobs.JobRunner;
import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.config.SourceProperties;
import dev.settle.jobs.lock.JobLock;
import dev.settle.jobs.lock.JobLockException;
import dev.settle.jobs.lock.JobLocks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly pipeline for one business date: ingest (every configured source) → reconcile →
 * settle → payout, each a Spring Batch job whose identifying parameter is the business date. A
 * stage starts only when the one before completed; a stage whose job is not deployed is skipped
 * with a log line. A run holds the environment-wide lock {@code pipeline} (one date at a time:
 * a date's reconciliation carries over from the previous one, and ingest fetches whatever a source
 * serves, whatever the date), and every job its own lock (via {@link JobRunner}). Two nodes
 * triggered together therefore run each date once: the second waits for the lock (scheduled
 * runs) or reports RUNNING_ELSEWHERE (CLI), then finds the jobs complete (ALREADY_COMPLETED).
 *
 * <p>Runs synchronously on the calling thread. Without Redis nothing starts: the
 * {@link JobLockException} (REDIS_UNAVAILABLE) propagates before anything is written.
 */
public final class PipelineRunner {

    private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);
    static final String BUSINESS_DATE = "businessDate";
    static final String SOURCE = "source";

    private final JobRunner jobs;
    private final JobRepository jobRepository;
    private final JobLocks locks;
    private final SettleProperties settings;
    private final JdbcTemplate jdbc;
    private final java.time.Duration lockWait;

    public PipelineRunner(JobRunner jobs, JobRepository jobRepository, JobLocks locks, SettleProperties settings,
                          DataSource dataSource) {
        this(jobs, jobRepository, locks, settings, dataSource, java.time.Duration.ZERO);
    }

    private PipelineRunner(JobRunner jobs, JobRepository jobRepository, JobLocks locks, SettleProperties settings,
                           DataSource dataSource, java.time.Duration lockWait) {
        this.lockWait = lockWait;
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.settings = settings;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** This runner, but waiting up to {@code wait} for a pipeline running elsewhere (the scheduler's way). */
    public PipelineRunner waitingForLock(java.time.Duration wait) {
        return new PipelineRunner(jobs, jobRepository, locks, settings, jdbc.getDataSource(), wait);
    }

    /** The environment-wide lock every pipeline run holds. */
    public static final String PIPELINE_LOCK = "pipeline";

    /** Runs (or resumes) every stage for the date; stages already complete are not repeated. */
    public PipelineResult run(LocalDate date) {
        return underPipelineLock(date, () -> stages(date, List.of(JobNames.values())));
    }

    /**
     * Runs one stage for the date, only when the stage before it completed for that date.
     *
     * @throws PrerequisiteException when it did not
     */
    public PipelineResult run(JobNames stage, LocalDate date) {
        requirePrerequisite(stage, date);
        return underPipelineLock(date, () -> stages(date, List.of(stage)));
    }

    /**
     * A deliberate new run of a completed date (e.g. corrected inputs arrived): ingest fetches
     * again and reconciliation recomputes, as new job instances with the identifying parameter
     * {@code rerun=<rerunId>}. Settlement and payouts stay exactly-once: when they completed for
     * the date they are not repeated (ALREADY_COMPLETED), otherwise they run normally.
     *
     * @param stage one stage, or null for the whole pipeline
     */
    public PipelineResult rerun(JobNames stage, LocalDate date, String rerunId) {
        if (stage != null) {
            requirePrerequisite(stage, date);
        }
        List<JobNames> which = stage == null ? List.of(JobNames.values()) : List.of(stage);
        return underPipelineLock(date, () -> {
            List<StageResult> results = new ArrayList<>();
            boolean blocked = false;
            for (JobNames s : which) {
                if (blocked) {
                    results.add(notStarted(s, date));
                    continue;
                }
                boolean repeatable = s == JobNames.INGEST || s == JobNames.RECONCILE;
                List<StageResult> stageResults = repeatable ? runStage(s, date, rerunId) : runStage(s, date, null);
                results.addAll(stageResults);
                blocked = !stageResults.stream().allMatch(r -> r.outcome().lets_next_start());
            }
            return results;
        });
    }

    /**
     * The scheduler's entry: runs every date from the day after the last completed one up to
     * {@code through}, oldest first, at most {@code maxDays} dates, stopping at the first date that
     * does not complete (a later date's reconciliation depends on the earlier one). When no date
     * ever completed, only {@code through} runs.
     */
    public List<PipelineResult> catchUp(LocalDate through, int maxDays) {
        LocalDate last = lastCompletedDate();
        LocalDate from = last == null ? through : last.plusDays(1);
        LocalDate earliest = through.minusDays(Math.max(1, maxDays) - 1L);
        if (from.isBefore(earliest)) {
            log.warn("pipeline: {} missed dates since {}; catching up only the last {} (from {}); run older ones by hand",
                    earliest.toEpochDay() - from.toEpochDay(), last, maxDays, earliest);
            from = earliest;
        }
        if (from.isAfter(through)) {
            from = through; // already done: cheap no-op run that reports ALREADY_COMPLETED
        }
        List<PipelineResult> results = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(through); d = d.plusDays(1)) {
            PipelineResult result = run(d);
            results.add(result);
            if (!result.completed()) {
                log.warn("pipeline: {} ended {}; later dates wait for it", d, result.outcome());
                break;
            }
        }
        return results;
    }

    /** The latest business date whose last deployed stage completed (reruns excluded), or null. */
    public LocalDate lastCompletedDate() {
        String lastStage = lastDeployedStage();
        if (lastStage == null) {
            return null;
        }
        String date = jdbc.queryForObject("""
                SELECT max(p.parameter_value)
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                                                   AND p.parameter_name = 'businessDate'
                 WHERE i.job_name = ? AND e.status = 'COMPLETED'
                   AND NOT EXISTS (SELECT 1 FROM batch_job_execution_params r
                                    WHERE r.job_execution_id = e.job_execution_id AND r.parameter_name = 'rerun')""",
                String.class, lastStage);
        return date == null ? null : LocalDate.parse(date);
    }

    private String lastDeployedStage() {
        String last = null;
        for (JobNames s : JobNames.values()) {
            if (jobs.hasJob(s.jobName())) {
                last = s.jobName();
            }
        }
        return last;
    }

    private interface Stages {
        List<StageResult> run();
    }

    private PipelineResult underPipelineLock(LocalDate date, Stages stages) {
        MDC.put(BUSINESS_DATE, date.toString());
        try (JobLock ignored = locks.acquire(PIPELINE_LOCK, lockWait)) {
            PipelineResult result = new PipelineResult(date, stages.run());
            log.info("pipeline {}: {} {}", date, result.outcome(), result.stages().stream()
                    .map(s -> s.stage() + (s.scope().isEmpty() ? "" : "/" + s.scope()) + "=" + s.outcome()
                            + (s.outcome().lets_next_start() ? "" : " (" + s.message() + ")")).toList());
            return result;
        } catch (JobLockException e) {
            if (e.reason() == JobLockException.Reason.REDIS_UNAVAILABLE) {
                throw e;
            }
            log.info("pipeline {}: {}", date, e.getMessage());
            return new PipelineResult(date, List.of(new StageResult("pipeline", date, "", StageOutcome.RUNNING_ELSEWHERE,
                    null, e.getMessage())));
        } finally {
            MDC.remove(BUSINESS_DATE);
        }
    }

    private List<StageResult> stages(LocalDate date, List<JobNames> which) {
        List<StageResult> results = new ArrayList<>();
        boolean blocked = false;
        for (JobNames stage : which) {
            if (blocked) {
                results.add(notStarted(stage, date));
                continue;
            }
            List<StageResult> stageResults = runStage(stage, date, null);
            results.addAll(stageResults);
            blocked = !stageResults.stream().allMatch(r -> r.outcome().lets_next_start());
        }
        return results;
    }

    private StageResult notStarted(JobNames stage, LocalDate date) {
        return new StageResult(stage.jobName(), date, "", StageOutcome.NOT_STARTED, null,
                "an earlier stage did not complete");
    }

    /** One stage: one job per source for ingest, one job otherwise. */
    private List<StageResult> runStage(JobNames stage, LocalDate date, String rerunId) {
        String jobName = stage.jobName();
        if (!jobs.hasJob(jobName)) {
            log.info("pipeline {}: stage '{}' skipped: job '{}' is not deployed in this build", date, jobName, jobName);
            return List.of(new StageResult(jobName, date, "", StageOutcome.SKIPPED_NOT_DEPLOYED, null,
                    "job '" + jobName + "' is not deployed in this build"));
        }
        if (stage == JobNames.INGEST && settings.sources().isEmpty()) {
            // reconciling a day without its files would raise an exception for every payment
            log.error("pipeline {}: no settle.sources configured (missing --config / SETTLE_CONFIG?); not ingesting", date);
            return List.of(new StageResult(jobName, date, "", StageOutcome.FAILED, null,
                    "no settle.sources configured (missing --config / SETTLE_CONFIG?)"));
        }
        List<StageResult> results = new ArrayList<>();
        for (Map<String, String> parameters : parametersFor(stage, date)) {
            String scope = parameters.getOrDefault(SOURCE, "");
            results.add(runJob(jobName, date, scope, parameters, rerunId));
        }
        return results;
    }

    private List<Map<String, String>> parametersFor(JobNames stage, LocalDate date) {
        if (stage == JobNames.INGEST) {
            List<Map<String, String>> all = new ArrayList<>();
            for (SourceProperties source : settings.sources()) {
                Map<String, String> p = new LinkedHashMap<>();
                p.put(SOURCE, source.name());
                p.put(BUSINESS_DATE, date.toString());
                all.add(p);
            }
            return all;
        }
        return List.of(Map.of(BUSINESS_DATE, date.toString()));
    }

    private StageResult runJob(String jobName, LocalDate date, String scope, Map<String, String> parameters, String rerunId) {
        try {
            if (rerunId == null && completed(jobName, parameters)) {
                return new StageResult(jobName, date, scope, StageOutcome.ALREADY_COMPLETED, null, "completed earlier");
            }
            if (rerunId != null && !completed(jobName, parameters)) {
                rerunId = null; // nothing to repeat: run the date normally
            }
            JobExecution execution = rerunId == null ? jobs.run(jobName, parameters) : jobs.rerun(jobName, parameters, rerunId);
            return new StageResult(jobName, date, scope, outcome(execution.getStatus()), execution.getId(),
                    execution.getStatus() == BatchStatus.COMPLETED ? "" : describe(execution));
        } catch (JobInstanceAlreadyCompleteException e) {
            return new StageResult(jobName, date, scope, StageOutcome.ALREADY_COMPLETED, null, "completed earlier");
        } catch (JobLockException e) {
            if (e.reason() == JobLockException.Reason.REDIS_UNAVAILABLE) {
                throw e;
            }
            return new StageResult(jobName, date, scope, StageOutcome.RUNNING_ELSEWHERE, null, e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            log.error("pipeline {}: {} could not start", date, jobName, e);
            return new StageResult(jobName, date, scope, StageOutcome.FAILED, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private boolean completed(String jobName, Map<String, String> parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        parameters.forEach((k, v) -> builder.addString(k, v, true));
        JobExecution last = jobRepository.getLastJobExecution(jobName, builder.toJobParameters());
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private void requirePrerequisite(JobNames stage, LocalDate date) {
        for (int i = stage.ordinal() - 1; i >= 0; i--) {
            JobNames before = JobNames.values()[i];
            if (!jobs.hasJob(before.jobName())) {
                continue;
            }
            if (before == JobNames.INGEST && settings.sources().isEmpty()) {
                throw new PrerequisiteException(stage.jobName() + " for " + date + " needs ingested files, but no "
                        + "settle.sources are configured (missing --config / SETTLE_CONFIG?)");
            }
            for (Map<String, String> parameters : parametersFor(before, date)) {
                if (!completed(before.jobName(), parameters)) {
                    throw new PrerequisiteException(stage.jobName() + " for " + date + " needs " + before.jobName()
                            + (parameters.containsKey(SOURCE) ? " (source " + parameters.get(SOURCE) + ")" : "")
                            + " to have completed first; run `settle run pipeline --date " + date + "`");
                }
            }
            return;
        }
    }

    private static StageOutcome outcome(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> StageOutcome.COMPLETED;
            case STOPPED, STOPPING -> StageOutcome.STOPPED;
            default -> StageOutcome.FAILED;
        };
    }

    private static String describe(JobExecution execution) {
        String description = execution.getExitStatus().getExitDescription();
        String firstLine = description == null ? "" : description.lines().findFirst().orElse("");
        return execution.getStatus() + (firstLine.isEmpty() ? "" : ": " + firstLine)
                + "; restart with `settle restart " + execution.getId() + "`";
    }

    /** A stage was asked for before the stage it depends on completed (a business refusal). */
    public static final class PrerequisiteException extends RuntimeException {
        public PrerequisiteException(String message) {
            super(message);
        }
    }
}
