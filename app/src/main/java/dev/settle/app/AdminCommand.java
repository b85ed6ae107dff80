package dev.settle.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.settle.app.server.AdminUsers;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./settle admin create-user|revoke-user}: credentials for the admin API (/admin/v1). */
@Command(name = "admin", description = "Admin API users (finance, operations).",
        subcommands = {AdminCommand.CreateUser.class, AdminCommand.RevokeUser.class})
final class AdminCommand {

    @Command(name = "create-user", description = "Create an admin API user and print its token once.")
    static final class CreateUser implements Callable<Integer> {
        @Parameters(index = "0", description = "User name (lower case, e.g. alice)") String name;
        @Option(names = "--role", defaultValue = "finance", description = "finance or operations") String role;

        @Override
        public Integer call() {
            try (HikariDataSource ds = LocalServicesBootstrap.migratedDataSource(LocalServicesBootstrap.databaseName())) {
                String token = new AdminUsers(ds, Clock.systemUTC()).create(name, role);
                System.out.println("admin user " + name + " (" + role + ") created; token (shown once): " + token);
                return SettleMain.EXIT_OK;
            }
        }
    }

    @Command(name = "revoke-user", description = "Revoke an admin API user's token.")
    static final class RevokeUser implements Callable<Integer> {
        @Parameters(index = "0") String name;

        @Override
        public Integer call() {
            try (HikariDataSource ds = LocalServicesBootstrap.migratedDataSource(LocalServicesBootstrap.databaseName())) {
                boolean revoked = new AdminUsers(ds, Clock.systemUTC()).revoke(name);
                System.out.println(revoked ? "revoked " + name : "no active admin user " + name);
                return revoked ? SettleMain.EXIT_OK : SettleMain.EXIT_BUSINESS;
            }
        }
    }
}
