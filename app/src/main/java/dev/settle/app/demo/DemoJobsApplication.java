package dev.settle.app.demo;

import dev.settle.jobs.JobsConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The nightly jobs as a non-web Spring application, for the demo. */
@SpringBootApplication(proxyBeanMethods = false, scanBasePackages = "dev.settle.app.demo.none")
@Import(JobsConfiguration.class)
public class DemoJobsApplication {
}
