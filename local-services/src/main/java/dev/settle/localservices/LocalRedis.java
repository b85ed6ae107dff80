package dev.settle.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import redis.embedded.RedisServer;

/**
 * A real Redis for tests and the demo: the configured one when it answers (default
 * 127.0.0.1:6379), otherwise the Redis 6.2 binary shipped in the codemonstur embedded-redis Maven
 * artifact, started on a free loopback port. Settings: {@code settle.redis.host}, {@code settle.redis.port},
 * {@code settle.redis.embedded} (auto|always|never), also as SETTLE_REDIS_* environment variables.
 *
 * <p>Tests sharing a Redis isolate themselves by key prefix, not by flushing.
 */
public final class LocalRedis {

    private static LocalRedis instance;

    private final String host;
    private final int port;
    private final RedisServer embeddedServer;

    private LocalRedis(String host, int port, RedisServer embeddedServer) {
        this.host = host;
        this.port = port;
        this.embeddedServer = embeddedServer;
    }

    public static synchronized LocalRedis server() {
        if (instance == null) {
            instance = start();
            System.getLogger(LocalRedis.class.getName()).log(System.Logger.Level.INFO, "Settle uses " + instance);
        }
        return instance;
    }

    private static LocalRedis start() {
        String mode = Settings.get("settle.redis.embedded", "auto").toLowerCase(Locale.ROOT);
        String host = Settings.get("settle.redis.host", "127.0.0.1");
        int port = Integer.parseInt(Settings.get("settle.redis.port", "6379"));
        boolean useRunning = switch (mode) {
            case "never" -> true;
            case "always" -> false;
            default -> Ports.reachable(host, port, 500);
        };
        if (useRunning) {
            return new LocalRedis(host, port, null);
        }
        int freePort = Ports.freePort();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(freePort)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }, "embedded-redis-stop"));
            return new LocalRedis("127.0.0.1", freePort, server);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded Redis", e);
        }
    }

    public boolean embedded() {
        return embeddedServer != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** "redis://127.0.0.1:6379", the form Redisson's single-server config takes. */
    public String uri() {
        return "redis://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return (embedded() ? "embedded " : "") + "Redis at " + host + ":" + port;
    }
}
