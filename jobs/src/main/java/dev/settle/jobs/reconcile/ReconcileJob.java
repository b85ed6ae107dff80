package dev.settle.jobs.reconcile;

/** Names and parameters of the reconcile job. */
public final class ReconcileJob {

    public static final String NAME = "reconcile";
    /** Identifying job parameter: the business date, ISO yyyy-MM-dd. */
    public static final String BUSINESS_DATE = "businessDate";
    static final String RUN_ID_KEY = "recon.runId";
    static final String PARTITION_KEY = "recon.partition";

    private ReconcileJob() {
    }
}
