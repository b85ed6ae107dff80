package dev.settle.app.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Admin API users (finance, operations), separate from merchants' keys. A token is 32 random
 * bytes, shown once as {@code adm_<hex>}; only its SHA-256 is stored.
 */
public final class AdminUsers {

    public record AdminUser(String name, String role) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AdminUsers(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Creates the user and returns its token (the only time it is visible). */
    public String create(String name, String role) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "adm_" + HexFormat.of().formatHex(secret);
        jdbc.update("INSERT INTO admin_user (name, token_hash, role, created_at) VALUES (?, ?, ?, ?)",
                name, sha256(token), role, Timestamp.from(clock.instant()));
        return token;
    }

    public Optional<AdminUser> authenticate(String token) {
        if (token == null || !token.startsWith("adm_")) {
            return Optional.empty();
        }
        List<AdminUser> users = jdbc.query("SELECT name, role FROM admin_user WHERE token_hash = ? AND revoked_at IS NULL",
                (rs, n) -> new AdminUser(rs.getString(1), rs.getString(2)), sha256(token));
        return users.stream().findFirst();
    }

    public boolean revoke(String name) {
        return jdbc.update("UPDATE admin_user SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), name) == 1;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
