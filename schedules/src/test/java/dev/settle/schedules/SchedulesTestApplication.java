package dev.settle.schedules;

import dev.settle.jobs.JobsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The jobs plus the operations layer, as the application assembles them (non-web). */
@SpringBootApplication(proxyBeanMethods = false)
@Import({JobsConfiguration.class, SchedulesConfiguration.class})
public class SchedulesTestApplication {
}
