package dev.settle.app;

import dev.settle.app.server.SettleServerApplication;
import dev.settle.localservices.LocalPostgres;
import dev.settle.localservices.LocalRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./settle serve}: the merchant payment API on the local services (found or started), until
 * the process is stopped. Extra Spring settings can follow as {@code --spring-arg name=value}.
 */
@Command(name = "serve", description = "Start the merchant payment API (gateway) on the local PostgreSQL and Redis.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port. Default: ${DEFAULT-VALUE}")
    int port = 8080;

    @Option(names = "--spring-arg", description = "Extra Spring property, name=value (repeatable), e.g. settle.gateway.rate-limit-per-second=5000")
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        String database = LocalServicesBootstrap.databaseName();
        LocalServicesBootstrap.migratedDataSource(database).close(); // create + migrate before the API opens
        LocalPostgres pg = LocalPostgres.server();
        LocalRedis redis = LocalServicesBootstrap.redis();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + pg.jdbcUrl(database),
                "--spring.datasource.username=" + pg.user(),
                "--spring.datasource.password=" + pg.password(),
                "--settle.redis.host=" + redis.host(),
                "--settle.redis.port=" + redis.port()));
        springArgs.forEach(a -> args.add("--" + a));
        ConfigurableApplicationContext context = SettleServerApplication.start(args.toArray(String[]::new));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "gateway-stop"));
        System.out.printf("Settle gateway listening on http://127.0.0.1:%d (database %s on %s, %s)%n", port, database, pg, redis);
        System.out.println("OpenAPI: /v3/api-docs   health: /actuator/health   metrics: /actuator/prometheus");
        closed.await();
        return SettleMain.EXIT_OK;
    }
}
