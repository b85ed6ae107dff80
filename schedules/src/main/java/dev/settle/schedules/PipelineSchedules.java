package dev.settle.schedules;

import dev.settle.jobs.config.SettleProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pipeline's Quartz triggers in the clustered JDBC job store: registers the configured ones
 * (idempotent; a changed cron or zone reschedules, a paused trigger stays paused, triggers no
 * longer configured are removed), and lists, pauses, resumes and fires them. Works from a process
 * whose scheduler is not started (the CLI): changes go to the database and the cluster's running
 * nodes act on them.
 */
public final class PipelineSchedules {

    public static final String GROUP = "settle";
    public static final JobKey JOB = JobKey.jobKey("pipeline", GROUP);
    private static final Logger log = LoggerFactory.getLogger(PipelineSchedules.class);

    private final Scheduler scheduler;
    private final ScheduleProperties schedule;
    private final SettleProperties settings;
    private final JdbcTemplate jdbc;

    public PipelineSchedules(Scheduler scheduler, ScheduleProperties schedule, SettleProperties settings, DataSource dataSource) {
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.settings = settings;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The triggers configuration asks for. */
    List<ScheduleProperties.TriggerSpec> configured() {
        if (!schedule.triggers().isEmpty()) {
            return schedule.triggers();
        }
        return List.of(new ScheduleProperties.TriggerSpec("nightly", schedule.cron(), settings.businessZone()));
    }

    /** Brings the job store in line with the configuration. */
    public void register() throws SchedulerException {
        scheduler.addJob(jobDetail(), true);
        List<TriggerKey> wanted = new ArrayList<>();
        for (ScheduleProperties.TriggerSpec spec : configured()) {
            TriggerKey key = TriggerKey.triggerKey(spec.name(), GROUP);
            wanted.add(key);
            TimeZone zone = TimeZone.getTimeZone(java.time.ZoneId.of(spec.zone()));
            CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB)
                    .usingJobData(NightlyPipelineJob.ZONE, spec.zone())
                    .withSchedule(CronScheduleBuilder.cronSchedule(spec.cron()).inTimeZone(zone)
                            .withMisfireHandlingInstructionFireAndProceed()) // a missed night fires once, at start-up
                    .build();
            Trigger existing = scheduler.getTrigger(key);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
                log.info("schedule {}: registered '{}' in {}", spec.name(), spec.cron(), spec.zone());
            } else if (existing instanceof CronTrigger cron && (!cron.getCronExpression().equals(spec.cron())
                    || !cron.getTimeZone().getID().equals(zone.getID()))) {
                boolean paused = scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
                scheduler.rescheduleJob(key, trigger);
                if (paused) {
                    scheduler.pauseTrigger(key);
                }
                log.info("schedule {}: changed to '{}' in {}", spec.name(), spec.cron(), spec.zone());
            }
        }
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            Trigger t = scheduler.getTrigger(key);
            boolean manual = t != null && t.getJobDataMap().containsKey(NightlyPipelineJob.BUSINESS_DATE);
            if (!wanted.contains(key) && !manual) {
                scheduler.unscheduleJob(key);
                log.info("schedule {}: removed (no longer configured)", key.getName());
            }
        }
    }

    private static JobDetail jobDetail() {
        return JobBuilder.newJob(NightlyPipelineJob.class).withIdentity(JOB).storeDurably()
                .withDescription("ingest -> reconcile -> settle -> payout for yesterday's business date").build();
    }

    /** One trigger as listed by {@code settle schedules list}. */
    public record ScheduleView(String name, String cron, String zone, String state, Instant nextFireTime,
                               Instant previousFireTime, String businessDate) {
    }

    /** One scheduler node of the cluster, from its last check-in. */
    public record NodeView(String instanceId, Instant lastCheckin, long checkinIntervalMs, boolean alive) {
    }

    public List<ScheduleView> list() throws SchedulerException {
        List<ScheduleView> views = new ArrayList<>();
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            Trigger t = scheduler.getTrigger(key);
            if (t == null) {
                continue;
            }
            String cron = t instanceof CronTrigger c ? c.getCronExpression() : "once";
            String zone = t instanceof CronTrigger c ? c.getTimeZone().getID() : "";
            views.add(new ScheduleView(key.getName(), cron, zone, scheduler.getTriggerState(key).name(),
                    instant(t.getNextFireTime()), instant(t.getPreviousFireTime()),
                    t.getJobDataMap().getString(NightlyPipelineJob.BUSINESS_DATE)));
        }
        views.sort(java.util.Comparator.comparing(ScheduleView::name));
        return views;
    }

    /** Nodes of the Quartz cluster (rows of qrtz_scheduler_state). */
    public List<NodeView> nodes() {
        long now = System.currentTimeMillis();
        return jdbc.query("SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state ORDER BY 1",
                (rs, n) -> new NodeView(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3),
                        now - rs.getLong(2) < 3 * Math.max(rs.getLong(3), 1000)));
    }

    public void pause(String name) throws SchedulerException {
        scheduler.pauseTrigger(existing(name));
    }

    public void resume(String name) throws SchedulerException {
        scheduler.resumeTrigger(existing(name));
    }

    /**
     * Fires the pipeline once, now, on whichever node of the cluster picks it up.
     *
     * @param businessDate the date to run, or null for the schedule's own rule (yesterday, with catch-up)
     * @return the one-off trigger's name
     */
    public String trigger(LocalDate businessDate) throws SchedulerException {
        if (!scheduler.checkExists(JOB)) {
            scheduler.addJob(jobDetail(), false);
        }
        JobDataMap data = new JobDataMap();
        data.put(NightlyPipelineJob.ZONE, settings.businessZone());
        if (businessDate != null) {
            data.put(NightlyPipelineJob.BUSINESS_DATE, businessDate.toString());
        }
        String name = "manual-" + (businessDate == null ? "now" : businessDate) + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Trigger once = TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(JOB).usingJobData(data)
                .startNow().build();
        scheduler.scheduleJob(once);
        return name;
    }

    /**
     * Whether the firing of a one-off trigger from {@link #trigger} has ended: its pipeline ran, the
     * pipeline lock was released, and Quartz recorded the completion (it deletes a one-off trigger
     * only then). The pipeline's last job completing is not that moment: a process that shuts down
     * on it cuts the firing short (its lock release finds Redis closed, its completion the job store).
     */
    public boolean firingEnded(String triggerName) throws SchedulerException {
        return !scheduler.checkExists(TriggerKey.triggerKey(triggerName, GROUP));
    }

    /** Whether this process's scheduler is running (false in the CLI). */
    public boolean localSchedulerStarted() throws SchedulerException {
        return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
    }

    /** Scheduler state for health and status: this node, the cluster, and the triggers. */
    public Map<String, Object> state() throws SchedulerException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("scheduler", scheduler.getSchedulerName());
        state.put("instanceId", scheduler.getSchedulerInstanceId());
        state.put("started", localSchedulerStarted());
        state.put("nodes", nodes());
        state.put("triggers", list());
        return state;
    }

    private TriggerKey existing(String name) throws SchedulerException {
        TriggerKey key = TriggerKey.triggerKey(name, GROUP);
        if (!scheduler.checkExists(key)) {
            throw new IllegalArgumentException("no schedule '" + name + "'; known: "
                    + scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP)).stream().map(TriggerKey::getName).sorted().toList());
        }
        return key;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
