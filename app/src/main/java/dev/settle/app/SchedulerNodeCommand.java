package dev.settle.app;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./settle scheduler}: a scheduler node without a web server. Joins the Quartz cluster,
 * registers the configured schedules, recovers executions a dead node left running, and fires the
 * nightly pipeline until stopped (SIGTERM/Ctrl-C). Run two or more for failover: exactly one fires
 * each trigger. ({@code ./settle serve} is the same plus the web server and /actuator.)
 */
@Command(name = "scheduler", description = {
        "Run a scheduler node (no web server): joins the Quartz cluster, registers the schedules, recovers crashed "
                + "executions, fires the nightly pipeline. Stops on SIGTERM / Ctrl-C.",
        "Exit: 0 stopped, 3 infrastructure."})
final class SchedulerNodeCommand implements Callable<Integer> {

    @Mixin
    JobsContext.ConfigOption config;

    @Override
    public Integer call() {
        return OpsSupport.withContext(config, Map.of("spring.quartz.auto-startup", "true",
                "settle.recovery.on-startup", "true", "settle.schedule.register", "true"), context -> {
            CountDownLatch stopped = new CountDownLatch(1);
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    stopped.countDown();
                }
            });
            context.registerShutdownHook();
            System.err.println("settle: scheduler node running; Ctrl-C to stop");
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SettleMain.EXIT_OK;
        });
    }
}
