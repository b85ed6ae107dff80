package dev.settle.jobs.settlement;

import dev.settle.jobs.JobNames;

/** Names of the settle job and its parameters. */
public final class SettlementJob {

    public static final String NAME = JobNames.SETTLE.jobName();
    /** Identifying parameter, yyyy-MM-dd: settle everything reconciled on or before this date. */
    public static final String BUSINESS_DATE = "businessDate";
    /** Step execution context key of a settle partition's number. */
    static final String PARTITION_KEY = "settle.partition";

    private SettlementJob() {
    }
}
