package dev.settle.app;

import java.net.ConnectException;
import java.sql.SQLException;
import picocli.CommandLine;

/** Maps an uncaught exception to the documented exit code. */
final class ExitCodes {

    private ExitCodes() {
    }

    static int forException(Throwable e) {
        // picocli passes its own parse errors (missing FILE, unknown option) through this mapper
        // too; they are usage errors, as the README promises.
        if (e instanceof CommandLine.ParameterException) {
            return SettleMain.EXIT_USAGE;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.settle.jobs.lock.JobLockException lock) {
                return lock.reason() == dev.settle.jobs.lock.JobLockException.Reason.REDIS_UNAVAILABLE
                        ? SettleMain.EXIT_INFRASTRUCTURE : SettleMain.EXIT_BUSINESS;
            }
            if (t instanceof SQLException || t instanceof ConnectException
                    || t.getClass().getName().startsWith("org.redisson.client.")) {
                return SettleMain.EXIT_INFRASTRUCTURE;
            }
        }
        return SettleMain.EXIT_BUSINESS;
    }
}
