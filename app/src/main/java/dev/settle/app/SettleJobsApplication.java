package dev.settle.app;

import dev.settle.jobs.JobsConfiguration;
import dev.settle.schedules.SchedulesConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The non-web Spring application behind the operations commands (run, rerun, restart, stop,
 * status, schedules): the jobs and the operations layer, without component scanning (so other
 * commands' configuration in this package is not picked up). See {@link JobsContext} for how it is
 * started and configured.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({JobsConfiguration.class, SchedulesConfiguration.class})
public class SettleJobsApplication {
}
