package dev.settle.schedules;

import java.time.LocalDate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node in its own JVM for the crash test: runs the pipeline for {@code -Dcrash.date} against the
 * database and services given as system properties, retrying while the lock of a killed
 * predecessor has not expired yet. Exit 0 when the date completed, 1 otherwise.
 */
public final class CrashChild {

    /** Printed when the context is up and the pipeline starts: the parent's kill clock starts here. */
    static final String READY = "CRASH-CHILD-READY";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        LocalDate date = LocalDate.parse(System.getProperty("crash.date"));
        int exit = 1;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SchedulesTestApplication.class).run(args)) {
            PipelineRunner pipeline = context.getBean(PipelineRunner.class);
            long deadline = System.nanoTime() + 90_000_000_000L;
            System.out.println(READY);
            System.out.flush();
            while (true) {
                PipelineResult result = pipeline.run(date);
                System.out.println("CRASH-CHILD " + result);
                if (result.completed()) {
                    exit = 0;
                    break;
                }
                if (result.outcome() != StageOutcome.RUNNING_ELSEWHERE || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(300); // the killed node's lock lingers until its lease runs out
            }
        }
        System.exit(exit);
    }
}
