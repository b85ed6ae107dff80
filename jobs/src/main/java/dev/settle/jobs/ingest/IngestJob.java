package dev.settle.jobs.ingest;

import dev.settle.jobs.config.SettleProperties;
import java.nio.file.Path;

/** Names shared by the ingest job's steps. */
public final class IngestJob {

    public static final String NAME = "ingest";
    /** Identifying job parameter: the source's configured name. */
    public static final String SOURCE = "source";
    /** Identifying job parameter: the business date, ISO yyyy-MM-dd. */
    public static final String BUSINESS_DATE = "businessDate";

    private IngestJob() {
    }

    static Path inbox(SettleProperties settings, String source) {
        return settings.workPath().resolve("inbox").resolve(source);
    }

    /** Local copy of a recorded file: prefixed by its id, so versions of one name never collide. */
    static Path localCopy(Path inbox, InboundFile file) {
        return inbox.resolve(file.id() + "-" + file.remoteName());
    }
}
