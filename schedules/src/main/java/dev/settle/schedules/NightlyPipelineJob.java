package dev.settle.schedules;

import java.time.LocalDate;
import java.time.ZoneId;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job behind every pipeline trigger. A scheduled firing runs "yesterday" in the
 * trigger's zone, counted from the <em>scheduled</em> fire time (so a night that misfired and
 * fires once at start-up still processes the right date), and catches up missed dates before it.
 * A manual trigger ({@code settle schedules trigger --date D}) carries {@code businessDate} and runs
 * that date only. {@code @DisallowConcurrentExecution} is not enough in a cluster (two nodes can
 * fire two already-acquired triggers at once), so a firing waits for the pipeline lock. Failures
 * are logged, not refired: the next firing or an operator resumes the date.
 */
@DisallowConcurrentExecution
public class NightlyPipelineJob extends QuartzJobBean {

    static final String BUSINESS_DATE = "businessDate";
    static final String ZONE = "zone";
    private static final Logger log = LoggerFactory.getLogger(NightlyPipelineJob.class);

    private PipelineRunner pipeline;
    private ScheduleProperties schedule;

    @Autowired
    public void setPipeline(PipelineRunner pipeline) {
        this.pipeline = pipeline;
    }

    @Autowired
    public void setSchedule(ScheduleProperties schedule) {
        this.schedule = schedule;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        String explicit = data.getString(BUSINESS_DATE);
        // clustered Quartz may fire two triggers of this job on two nodes at once: the pipeline lock serialises them
        PipelineRunner pipeline = this.pipeline.waitingForLock(java.time.Duration.ofMinutes(schedule.pipelineLockWaitMinutes()));
        try {
            if (explicit != null && !explicit.isBlank()) {
                log.info("trigger {} fired for business date {}", context.getTrigger().getKey().getName(), explicit);
                pipeline.run(LocalDate.parse(explicit));
            } else {
                ZoneId zone = ZoneId.of(data.getString(ZONE));
                LocalDate through = businessDate(context.getScheduledFireTime().toInstant(), zone);
                log.info("trigger {} fired (scheduled {}), business date {} in {}", context.getTrigger().getKey().getName(),
                        context.getScheduledFireTime().toInstant(), through, zone);
                pipeline.catchUp(through, schedule.catchUpDaysMax());
            }
        } catch (RuntimeException e) {
            log.error("pipeline firing {} failed: {}", context.getTrigger().getKey().getName(), e.getMessage(), e);
        }
    }

    /** The business date a nightly firing at {@code scheduled} processes: the day before, in the zone. */
    static LocalDate businessDate(java.time.Instant scheduled, ZoneId zone) {
        return scheduled.atZone(zone).toLocalDate().minusDays(1);
    }
}
