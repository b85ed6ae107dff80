package dev.settle.app.server;

import dev.settle.jobs.ingest.FileReview;
import dev.settle.jobs.reconcile.ExceptionsWorkflow;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The server {@code ./settle serve} runs: the merchant payment API (everything under
 * dev.settle.gateway) plus finance's admin API ({@code /admin/v1}, admin tokens only).
 */
@SpringBootApplication(scanBasePackages = {"dev.settle.gateway", "dev.settle.app.server"})
public class SettleServerApplication {

    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(SettleServerApplication.class, args);
    }

    @Bean
    AdminUsers adminUsers(DataSource dataSource, Clock clock) {
        return new AdminUsers(dataSource, clock);
    }

    @Bean
    ExceptionsWorkflow exceptionsWorkflow(DataSource dataSource, Clock clock) {
        return new ExceptionsWorkflow(dataSource, clock);
    }

    @Bean
    FileReview fileReview(DataSource dataSource, Clock clock) {
        return new FileReview(dataSource, clock);
    }

    @Bean
    FilterRegistrationBean<AdminAuthFilter> adminAuthFilter(AdminUsers users) {
        FilterRegistrationBean<AdminAuthFilter> registration = new FilterRegistrationBean<>(new AdminAuthFilter(users));
        registration.addUrlPatterns("/admin/*");
        registration.setOrder(0);
        return registration;
    }
}
