package dev.settle.jobs;

/** The Spring Batch job names of the nightly pipeline, in pipeline order. */
public enum JobNames {
    INGEST("ingest"),
    RECONCILE("reconcile"),
    SETTLE("settle"),
    PAYOUT("payout");

    private final String jobName;

    JobNames(String jobName) {
        this.jobName = jobName;
    }

    public String jobName() {
        return jobName;
    }
}
