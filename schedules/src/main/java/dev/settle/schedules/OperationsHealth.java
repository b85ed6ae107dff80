package dev.settle.schedules;

import dev.settle.jobs.config.SettleProperties;
import dev.settle.jobs.config.SourceProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health of what the nightly pipeline needs: Redis (locks), the SFTP servers, the scheduler. */
final class OperationsHealth {

    private OperationsHealth() {
    }

    /** Redis answers a request: without it no job starts (fail closed). */
    static HealthIndicator redis(RedissonClient redisson) {
        return () -> {
            try {
                long started = System.nanoTime();
                redisson.getBucket("settle:health").isExists(); // one round trip
                boolean pong = true;
                long ms = (System.nanoTime() - started) / 1_000_000;
                return (pong ? Health.up() : Health.down()).withDetail("pingMs", ms)
                        .withDetail("effect", pong ? "job locks available" : "jobs refuse to start").build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                        .withDetail("effect", "jobs refuse to start").build();
            }
        };
    }

    /** Each configured source's SFTP server accepts a TCP connection (no login, to stay cheap). */
    static HealthIndicator sftp(SettleProperties settings) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            boolean allUp = true;
            for (SourceProperties source : settings.sources()) {
                String where = source.host() + ":" + source.port();
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(source.host(), source.port()), Math.min(source.timeoutMs(), 3000));
                    details.put(source.name(), "reachable " + where);
                } catch (IOException e) {
                    allUp = false;
                    details.put(source.name(), "UNREACHABLE " + where + ": " + e.getMessage());
                }
            }
            return (allUp ? Health.up() : Health.down()).withDetails(details).build();
        };
    }

    /** The Quartz scheduler: this node started or not, cluster nodes alive, trigger states. */
    static HealthIndicator scheduler(PipelineSchedules schedules) {
        return () -> {
            try {
                return Health.up().withDetails(schedules.state()).build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.getMessage()).build();
            }
        };
    }
}
