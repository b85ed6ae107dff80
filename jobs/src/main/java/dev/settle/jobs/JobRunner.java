package dev.settle.jobs;

import dev.settle.jobs.lock.JobLock;
import dev.settle.jobs.lock.JobLocks;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Starts and restarts jobs, each under its distributed lock (job + lock scope, e.g.
 * {@code ingest:adyen:2026-11-24}). The lock is taken before the job starts and released when it
 * ends; a second runner fails at once with "already running on &lt;node&gt;"; without Redis nothing
 * starts. Runs synchronously on the calling thread.
 */
public final class JobRunner {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobsByName;
    private final JobLocks locks;

    public JobRunner(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, JobLocks locks) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobsByName = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
        this.locks = locks;
    }

    /** Starts (or, after a failure, restarts) the job instance identified by the parameters. */
    public JobExecution run(String jobName, Map<String, String> identifyingParameters) throws Exception {
        Job job = job(jobName);
        JobParametersBuilder builder = new JobParametersBuilder();
        identifyingParameters.forEach((k, v) -> builder.addString(k, v, true));
        JobParameters parameters = builder.toJobParameters();
        try (JobLock lock = locks.acquire(lockName(jobName, identifyingParameters))) {
            JobExecution last = jobRepository.getLastJobExecution(jobName, parameters);
            if (last != null && last.getStatus().isUnsuccessful()) {
                return jobOperator.restart(last);
            }
            return jobOperator.start(job, parameters);
        }
    }

    /**
     * A deliberate new run of a job instance that already completed (e.g. reconciliation of a past
     * date with corrected inputs): same lock, plus an identifying {@code rerun} parameter so Spring
     * Batch creates a new instance. Jobs whose results are exactly-once (settlement, payouts)
     * stay exactly-once because their writers are idempotent, not because of this parameter.
     */
    public JobExecution rerun(String jobName, Map<String, String> identifyingParameters, String rerunId) throws Exception {
        Map<String, String> withRerun = new java.util.TreeMap<>(identifyingParameters);
        withRerun.put(RERUN, rerunId);
        Job job = job(jobName);
        JobParametersBuilder builder = new JobParametersBuilder();
        withRerun.forEach((k, v) -> builder.addString(k, v, true));
        try (JobLock lock = locks.acquire(lockName(jobName, identifyingParameters))) {
            return jobOperator.start(job, builder.toJobParameters());
        }
    }

    /** Identifying parameter that distinguishes deliberate reruns of the same date. */
    public static final String RERUN = "rerun";

    static String lockName(String jobName, Map<String, String> identifyingParameters) {
        return jobName + ":" + identifyingParameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
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
