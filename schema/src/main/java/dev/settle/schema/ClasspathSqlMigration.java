package dev.settle.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Runs a vendor's DDL script found on the classpath (inside the vendor's own jar), statement by
 * statement. Used for the Spring Batch and Quartz tables so their DDL is not copied into Settle.
 */
public abstract class ClasspathSqlMigration extends BaseJavaMigration {

    private final String resource;
    private final boolean skipDropsAndCommits;

    protected ClasspathSqlMigration(String resource, boolean skipDropsAndCommits) {
        this.resource = resource;
        this.skipDropsAndCommits = skipDropsAndCommits;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(read())) {
                statement.execute(sql);
            }
        }
    }

    List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                sql = sql.substring(0, sql.length() - 1).strip();
                current.setLength(0);
                String upper = sql.toUpperCase();
                if (skipDropsAndCommits && (upper.startsWith("DROP ") || upper.equals("COMMIT"))) {
                    continue;
                }
                result.add(sql);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private String read() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("DDL script " + resource + " not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
