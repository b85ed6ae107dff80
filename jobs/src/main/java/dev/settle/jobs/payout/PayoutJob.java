package dev.settle.jobs.payout;

import dev.settle.jobs.JobNames;

/** Names of the payout job and its parameters. */
public final class PayoutJob {

    public static final String NAME = JobNames.PAYOUT.jobName();
    /** Identifying parameter, yyyy-MM-dd: pay the PAYABLE settlements of this date. */
    public static final String BUSINESS_DATE = "businessDate";

    private PayoutJob() {
    }

    /** The file-registry source name of a bank's return files. */
    static String returnsSource(String bank) {
        return bank + "-returns";
    }
}
