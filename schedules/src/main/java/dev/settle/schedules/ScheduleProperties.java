package dev.settle.schedules;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code settle.schedule.*}: when the nightly pipeline fires.
 *
 * @param cron Quartz cron of the nightly trigger (default {@code 0 30 2 * * ?}: 02:30 every day)
 * @param catchUpDaysMax how many missed business dates one firing catches up at most (default 7)
 * @param pipelineLockWaitMinutes how long a firing waits for a pipeline running on another node
 *     (default 120); the CLI never waits
 * @param triggers extra triggers, one per time zone, e.g. a second business zone; when empty one
 *     trigger {@code nightly} fires in {@code settle.business-zone}
 */
@ConfigurationProperties(prefix = "settle.schedule")
public record ScheduleProperties(String cron, Integer catchUpDaysMax, Integer pipelineLockWaitMinutes,
                                 List<TriggerSpec> triggers) {

    public ScheduleProperties {
        cron = cron == null || cron.isBlank() ? "0 30 2 * * ?" : cron;
        catchUpDaysMax = catchUpDaysMax == null ? 7 : catchUpDaysMax;
        pipelineLockWaitMinutes = pipelineLockWaitMinutes == null ? 120 : pipelineLockWaitMinutes;
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
    }

    /**
     * One nightly trigger: its business date is "yesterday" in {@code zone} at the scheduled time.
     *
     * @param name trigger name (unique)
     * @param cron Quartz cron, evaluated in {@code zone}
     * @param zone IANA zone id
     */
    public record TriggerSpec(String name, String cron, String zone) {
    }
}
