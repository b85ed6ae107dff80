package dev.settle.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The payment API as a Spring Boot application: web MVC, JDBC, Actuator, springdoc, plus
 * {@link GatewayConfiguration}. {@code ./settle serve} starts it; tests start it with a fresh
 * database and a Redis key prefix of their own.
 */
@SpringBootApplication
public class GatewayApplication {

    /** Starts the API with the given Spring arguments ({@code --server.port=8080}, ...). */
    public static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(GatewayApplication.class, args);
    }

    public static void main(String[] args) {
        start(args);
    }
}
