package dev.settle.jobs;

import dev.settle.jobs.lock.FencingGuard;
import dev.settle.jobs.lock.JobLock;
import dev.settle.jobs.lock.JobLockException;
import dev.settle.jobs.lock.JobLocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts and restarts jobs, each under its distributed lock (job + lock scope, e.g.
 * {@code ingest:2026-11-24:adyen}). The lock is taken before the job starts and released when it
 * ends; a second runner fails at once with "already running on &lt;node&gt;"; without Redis nothing
 * starts. Runs synchronously on the calling thread.
 *
 * <p>Fencing: the lock's token is claimed in the database ({@link FencingGuard#claim}) and passed
 * to the execution as the non-identifying parameters {@link FencingGuard#LOCK_PARAMETER} /
 * {@link FencingGuard#TOKEN_PARAMETER}; writers check it inside their transactions.
 *
 * <p>Crash recovery: holding the lock proves nobody else runs the instance, so an execution of it
 * still marked STARTED belongs to a node that died (or lost its lock and is fenced off): it is
 * marked FAILED and restarted from its last committed chunk.
 */
public final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobsByName;
    private final JobLocks locks;
    private final FencingGuard fencing;
    private final String node;

    public JobRunner(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, JobLocks locks,
                     FencingGuard fencing, String node) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobsByName = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.locks = locks;
        this.fencing = fencing;
        this.node = node;
    }

    /** Whether a job of that name is deployed in this application. */
    public boolean hasJob(String jobName) {
        return jobsByName.containsKey(jobName);
    }

    /**
     * Starts (or, after a failure, a stop or a dead node, restarts) the job instance identified by
     * the parameters.
     *
     * @throws org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException when it completed
     * @throws JobLockException when the lock is held elsewhere or Redis is unreachable
     */
    public JobExecution run(String jobName, Map<String, String> identifyingParameters) throws Exception {
        Job job = job(jobName);
        String lockName = lockName(jobName, identifyingParameters);
        try (JobLock lock = locks.acquire(lockName)) {
            fencing.claim(lockName, lock.fencingToken(), node);
            JobParameters identifying = parameters(identifyingParameters, null, 0);
            JobExecution last = jobRepository.getLastJobExecution(jobName, identifying);
            if (last != null && last.isRunning()) {
                recoverOrphan(last, lockName);
            }
            if (last == null) {
                forgetInstanceWithoutExecution(jobName, identifying);
            }
            return launch(job, parameters(identifyingParameters, lockName, lock.fencingToken()));
        }
    }

    /**
     * A deliberate new run of a job instance that already completed (e.g. reconciliation of a past
     * date with corrected inputs): same lock, plus an identifying {@code rerun} parameter so Spring
     * Batch creates a new instance. Jobs whose results are exactly-once (settlement, payouts)
     * stay exactly-once because their writers are idempotent, not because of this parameter.
     */
    public JobExecution rerun(String jobName, Map<String, String> identifyingParameters, String rerunId) throws Exception {
        Map<String, String> withRerun = new TreeMap<>(identifyingParameters);
        withRerun.put(RERUN, rerunId);
        return run(jobName, withRerun);
    }

    /**
     * Restarts a FAILED or STOPPED execution (or one a dead node left STARTED) from its last
     * committed chunk: same instance, new execution, new lock and fencing token.
     */
    public JobExecution restart(long executionId) throws Exception {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null;
        }
        if (execution == null) {
            throw new IllegalArgumentException("no job execution " + executionId);
        }
        return run(execution.getJobInstance().getJobName(), identifying(execution));
    }

    /**
     * Marks executions left running by dead nodes FAILED, so they can be restarted: for every
     * running execution whose lock can be taken at once (its holder is gone). Executions whose lock
     * is held are alive and left alone. Call at start-up.
     *
     * @return the ids of the executions marked FAILED
     * @throws JobLockException REDIS_UNAVAILABLE: without Redis nothing can be decided
     */
    public List<Long> recoverOrphans() {
        List<Long> recovered = new ArrayList<>();
        for (String jobName : jobsByName.keySet()) {
            for (JobExecution running : jobRepository.findRunningJobExecutions(jobName)) {
                String lockName = lockName(running);
                try (JobLock lock = locks.acquire(lockName)) {
                    fencing.claim(lockName, lock.fencingToken(), node);
                    recoverOrphan(running, lockName);
                    recovered.add(running.getId());
                } catch (JobLockException e) {
                    if (e.reason() == JobLockException.Reason.REDIS_UNAVAILABLE) {
                        throw e;
                    }
                    log.info("execution {} of {} is running on a live node ({})", running.getId(), jobName, e.getMessage());
                }
            }
        }
        return recovered;
    }

    /**
     * Spring Batch writes a job instance and its first execution in two transactions; a node killed
     * between them leaves an instance that can neither be restarted nor started again ("Cannot find
     * any job execution for job instance"). Such an instance never ran a step, so it is deleted and
     * the job starts afresh.
     */
    private void forgetInstanceWithoutExecution(String jobName, JobParameters identifying) {
        JobInstance empty = jobRepository.getJobInstance(jobName, identifying);
        if (empty != null) {
            log.warn("job instance {} of {} has no execution (a node died while creating it): deleting it", empty.getInstanceId(),
                    jobName);
            jobRepository.deleteJobInstance(empty);
        }
    }

    private void recoverOrphan(JobExecution orphan, String lockName) {
        log.warn("job execution {} ({}) was left {} by a node that died or lost lock {}: marking it FAILED; "
                        + "it restarts from its last committed chunk",
                orphan.getId(), orphan.getJobInstance().getJobName(), orphan.getStatus(), lockName);
        jobOperator.recover(orphan);
    }

    private JobExecution launch(Job job, JobParameters parameters) throws Exception {
        String previous = MDC.get("jobName");
        MDC.put("jobName", job.getName());
        String date = parameters.getString("businessDate");
        if (date != null) {
            MDC.put("businessDate", date);
        }
        try {
            return jobOperator.start(job, parameters); // a FAILED/STOPPED instance is restarted
        } finally {
            if (previous == null) {
                MDC.remove("jobName");
            } else {
                MDC.put("jobName", previous);
            }
        }
    }

    private static JobParameters parameters(Map<String, String> identifying, String lockName, long token) {
        JobParametersBuilder builder = new JobParametersBuilder();
        new TreeMap<>(identifying).forEach((k, v) -> builder.addString(k, v, true));
        if (lockName != null) {
            builder.addString(FencingGuard.LOCK_PARAMETER, lockName, false);
            builder.addLong(FencingGuard.TOKEN_PARAMETER, token, false);
        }
        return builder.toJobParameters();
    }

    /** Identifying parameters of an execution, as strings. */
    public static Map<String, String> identifying(JobExecution execution) {
        Map<String, String> identifying = new TreeMap<>();
        execution.getJobParameters().getIdentifyingParameters()
                .forEach(p -> identifying.put(p.name(), String.valueOf(p.value())));
        return identifying;
    }

    /** Identifying parameter that distinguishes deliberate reruns of the same date. */
    public static final String RERUN = "rerun";

    /** The lock an execution runs under: reruns share the lock of the instance they repeat. */
    public static String lockName(JobExecution execution) {
        String stored = execution.getJobParameters().getString(FencingGuard.LOCK_PARAMETER);
        return stored != null ? stored : lockName(execution.getJobInstance().getJobName(), identifying(execution));
    }

    public static String lockName(String jobName, Map<String, String> identifyingParameters) {
        return jobName + ":" + identifyingParameters.entrySet().stream()
                .filter(e -> !e.getKey().equals(RERUN))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).collect(Collectors.joining(":"));
    }

    private Job job(String name) {
        Job job = jobsByName.get(name);
        if (job == null) {
            throw new IllegalArgumentException("unknown job '" + name + "'; known: " + jobsByName.keySet());
        }
        return job;
    }
}
