package dev.settle.app;

import dev.settle.jobs.JobNames;
import dev.settle.jobs.lock.JobLockException;
import dev.settle.schedules.PipelineResult;
import dev.settle.schedules.PipelineRunner;
import dev.settle.schedules.StageOutcome;
import dev.settle.schedules.StageResult;
import java.util.Arrays;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** What the operations commands share: the context, the error → exit code mapping, printing. */
final class OpsSupport {

    private OpsSupport() {
    }

    /** Runs {@code work} in a jobs context; maps failures to the documented exit codes. */
    static int withContext(JobsContext.ConfigOption config, Function<ConfigurableApplicationContext, Integer> work) {
        return withContext(config, java.util.Map.of(), work);
    }

    static int withContext(JobsContext.ConfigOption config, java.util.Map<String, Object> overrides,
                           Function<ConfigurableApplicationContext, Integer> work) {
        try (ConfigurableApplicationContext context = JobsContext.open(config, overrides)) {
            return work.apply(context);
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (JobLockException e) {
            System.err.println("settle: " + e.getMessage());
            return e.reason() == JobLockException.Reason.REDIS_UNAVAILABLE ? SettleMain.EXIT_INFRASTRUCTURE : SettleMain.EXIT_BUSINESS;
        } catch (PipelineRunner.PrerequisiteException e) {
            System.err.println("settle: refused: " + e.getMessage());
            return SettleMain.EXIT_BUSINESS;
        } catch (UsageException e) {
            System.err.println("settle: " + e.getMessage());
            return SettleMain.EXIT_USAGE;
        } catch (RuntimeException e) {
            int code = ExitCodes.forException(e);
            System.err.println("settle: " + (code == SettleMain.EXIT_INFRASTRUCTURE ? "infrastructure unavailable: " : "")
                    + rootMessage(e));
            return code;
        }
    }

    /** A bad argument found only once the context is up (unknown execution, schedule…): exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** "pipeline" → null; a stage name → its {@link JobNames}. */
    static JobNames stage(String name) {
        if (name.equals("pipeline")) {
            return null;
        }
        return Arrays.stream(JobNames.values()).filter(j -> j.jobName().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("unknown step '" + name + "'; one of: pipeline, ingest, reconcile, settle, payout"));
    }

    static int print(PipelineResult result, boolean json) {
        if (json) {
            System.out.println(CliJson.write(result));
        } else {
            System.out.printf("Business date %s: %s%n", result.businessDate(), result.outcome());
            for (StageResult s : result.stages()) {
                System.out.printf("  %-10s %-8s %-22s %-10s %s%n", s.stage(), s.scope(), s.outcome(),
                        s.executionId() == null ? "" : "exec " + s.executionId(), s.message() == null ? "" : s.message());
            }
        }
        return exitCode(result);
    }

    static int exitCode(PipelineResult result) {
        return result.completed() ? SettleMain.EXIT_OK : SettleMain.EXIT_BUSINESS;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t.getClass().getSimpleName() + ": " + t.getMessage() + ")";
    }

    static boolean failed(StageOutcome outcome) {
        return !outcome.lets_next_start();
    }
}
