package dev.settle.app;

import dev.settle.jobs.ingest.FileReview;
import dev.settle.jobs.ingest.FileReview.Listed;
import dev.settle.jobs.ingest.FileReview.ReviewException;
import dev.settle.jobs.ingest.FileStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./settle inbound list|release|reject}: the files the sources delivered, and finance's
 * decisions on those the ingest job does not take alone (see {@link FileReview}). Exit codes: 0 ok,
 * 1 refused (wrong status, no note, being loaded, unknown file), 2 usage, 3 infrastructure.
 */
@Command(name = "inbound", description = "List inbound files; release a HELD new version or reject a file.",
        subcommands = {InboundCommand.ListCmd.class, InboundCommand.Release.class, InboundCommand.Reject.class})
final class InboundCommand {

    private InboundCommand() {
    }

    static int withReview(JobsContext.ConfigOption config, Function<FileReview, List<Listed>> work, boolean json) {
        return OpsSupport.withContext(config, context -> {
            List<Listed> files;
            try {
                files = work.apply(context.getBean(FileReview.class));
            } catch (ReviewException e) {
                System.err.println("settle: " + e.code() + ": " + e.getMessage());
                return SettleMain.EXIT_BUSINESS;
            }
            if (json) {
                System.out.println(CliJson.write(files));
                return SettleMain.EXIT_OK;
            }
            System.out.printf("%-6s %-10s %-10s %-12s %-48s %3s %10s %s%n", "ID", "SOURCE", "DATE", "STATUS", "NAME", "V",
                    "ROWS", "REASON");
            for (Listed f : files) {
                System.out.printf("%-6d %-10s %-10s %-12s %-48s %3d %10d %s%n", f.id(), f.source(), f.businessDate(), f.status(),
                        f.remoteName(), f.nameVersion(), f.rowsWritten(), f.statusReason());
            }
            return SettleMain.EXIT_OK;
        });
    }

    @Command(name = "list", description = "Inbound files, newest first.")
    static final class ListCmd implements Callable<Integer> {
        @Option(names = "--source", description = "A configured source name, e.g. adyen") String source;
        @Option(names = "--status", description = "RECEIVED, LOADING, INGESTED, DUPLICATE, HELD, QUARANTINED or REJECTED")
        FileStatus status;
        @Option(names = "--date", description = "Business date (yyyy-MM-dd)") LocalDate date;
        @Option(names = "--limit", defaultValue = "100") int limit;
        @Option(names = "--json") boolean json;
        @Mixin JobsContext.ConfigOption config;

        @Override
        public Integer call() {
            return withReview(config, review -> review.list(source, status, date, limit), json);
        }
    }

    /** What release and reject share: the file, the why, the who. */
    abstract static class Decision implements Callable<Integer> {
        @Parameters(index = "0", description = "Inbound file id") long id;
        @Option(names = "--note", required = true, description = "Why") String note;
        @Option(names = "--as", description = "Who (default: $SETTLE_USER or the OS user)") String as;
        @Option(names = "--json") boolean json;
        @Mixin JobsContext.ConfigOption config;

        abstract Listed decide(FileReview review, String actor);

        @Override
        public Integer call() {
            return withReview(config, review -> List.of(decide(review, ExceptionsCommand.actor(as))), json);
        }
    }

    @Command(name = "release", description = "Release a HELD new version: the next ingest run of its source loads it.")
    static final class Release extends Decision {
        @Override
        Listed decide(FileReview review, String actor) {
            return review.release(id, actor, note);
        }
    }

    @Command(name = "reject", description = "Reject a HELD, RECEIVED or interrupted LOADING file: its staged rows are deleted.")
    static final class Reject extends Decision {
        @Override
        Listed decide(FileReview review, String actor) {
            return review.reject(id, actor, note);
        }
    }
}
