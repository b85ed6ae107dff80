package dev.settle.schedules;

import dev.settle.jobs.JobRunner;
import dev.settle.jobs.lock.JobLockException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Crash recovery at start-up: executions left STARTED by a node that died are marked FAILED (and
 * so restartable) once their lock is gone. A dead node's lock lingers until Redisson's watchdog
 * lease runs out (30 s), so a node that restarts quickly checks again after {@code retryDelayMs}.
 * Executions whose lock is held belong to a live node and are left alone.
 */
final class StartupRecovery implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

    private final JobRunner jobs;
    private final long retryDelayMs;
    private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "settle-recovery");
        t.setDaemon(true);
        return t;
    });

    StartupRecovery(JobRunner jobs, long retryDelayMs) {
        this.jobs = jobs;
        this.retryDelayMs = retryDelayMs;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        recover();
        retry.schedule(this::recover, retryDelayMs, TimeUnit.MILLISECONDS);
    }

    void recover() {
        try {
            List<Long> recovered = jobs.recoverOrphans();
            if (!recovered.isEmpty()) {
                log.warn("crash recovery: executions {} were left running by a dead node; marked FAILED, restartable "
                        + "with `settle restart <id>` (the next pipeline run restarts them too)", recovered);
            }
        } catch (JobLockException e) {
            log.error("crash recovery skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("crash recovery failed", e);
        }
    }

    @Override
    public void destroy() {
        retry.shutdownNow();
    }
}
