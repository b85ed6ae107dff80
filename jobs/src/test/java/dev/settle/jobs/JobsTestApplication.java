package dev.settle.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The jobs as the application assembles them, for job tests against real services. */
@SpringBootApplication(proxyBeanMethods = false)
@Import(JobsConfiguration.class)
public class JobsTestApplication {
}
