package dev.settle.gateway.planted;

/** Planted on purpose: the gateway reaching into the nightly jobs. */
public class GatewayCallingJobs {
    public Object job() {
        return dev.settle.jobs.JobNames.INGEST;
    }
}
