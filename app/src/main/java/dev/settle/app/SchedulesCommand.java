package dev.settle.app;

import dev.settle.schedules.PipelineSchedules;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quartz.SchedulerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./settle schedules list|pause|resume|trigger}: the clustered Quartz schedule of the pipeline. */
@Command(name = "schedules", description = "List, pause, resume and trigger the pipeline's schedules (cluster-wide).",
        subcommands = {SchedulesCommand.ListCmd.class, SchedulesCommand.Pause.class, SchedulesCommand.Resume.class,
                SchedulesCommand.Trigger.class})
final class SchedulesCommand {

    interface Action {
        int run(PipelineSchedules schedules) throws SchedulerException;
    }

    static int with(JobsContext.ConfigOption config, Action action) {
        return OpsSupport.withContext(config, context -> {
            try {
                return action.run(context.getBean(PipelineSchedules.class));
            } catch (IllegalArgumentException e) {
                throw new OpsSupport.UsageException(e.getMessage());
            } catch (SchedulerException e) {
                throw new IllegalStateException("scheduler: " + e.getMessage(), e);
            }
        });
    }

    @Command(name = "list", description = "Triggers (state, next and previous firing) and the scheduler nodes of the cluster.")
    static final class ListCmd implements Callable<Integer> {
        @Option(names = "--json") boolean json;
        @Mixin JobsContext.ConfigOption config;

        @Override
        public Integer call() {
            return with(config, schedules -> {
                var triggers = schedules.list();
                var nodes = schedules.nodes();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("schedules", triggers);
                    out.put("nodes", nodes);
                    System.out.println(CliJson.write(out));
                    return SettleMain.EXIT_OK;
                }
                System.out.printf("%-30s %-16s %-16s %-8s %-22s %-22s%n", "NAME", "CRON", "ZONE", "STATE", "NEXT FIRE (UTC)", "PREVIOUS");
                for (var t : triggers) {
                    System.out.printf("%-30s %-16s %-16s %-8s %-22s %-22s%n", t.name(), t.cron(), t.zone(), t.state(),
                            t.nextFireTime() == null ? "-" : t.nextFireTime(), t.previousFireTime() == null ? "-" : t.previousFireTime());
                }
                if (triggers.isEmpty()) {
                    System.out.println("(no schedules registered yet: a scheduler node registers them when it starts)");
                }
                System.out.println("Scheduler nodes:");
                nodes.forEach(n -> System.out.printf("  %-40s last check-in %s %s%n", n.instanceId(), n.lastCheckin(),
                        n.alive() ? "ALIVE" : "SILENT (dead? its triggers are recovered by the others)"));
                if (nodes.stream().noneMatch(PipelineSchedules.NodeView::alive)) {
                    System.out.println("  WARNING: no live scheduler node: nothing fires until one starts");
                }
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "pause", description = "Pause a schedule (cluster-wide) until resumed.")
    static final class Pause implements Callable<Integer> {
        @Parameters(index = "0", defaultValue = "nightly", paramLabel = "NAME") String name;
        @Mixin JobsContext.ConfigOption config;

        @Override
        public Integer call() {
            return with(config, schedules -> {
                schedules.pause(name);
                System.out.println("Paused " + name + ".");
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "resume", description = "Resume a paused schedule; a firing missed while paused runs once now.")
    static final class Resume implements Callable<Integer> {
        @Parameters(index = "0", defaultValue = "nightly", paramLabel = "NAME") String name;
        @Mixin JobsContext.ConfigOption config;

        @Override
        public Integer call() {
            return with(config, schedules -> {
                schedules.resume(name);
                System.out.println("Resumed " + name + ".");
                return SettleMain.EXIT_OK;
            });
        }
    }

    @Command(name = "trigger", description = "Fire the pipeline now on the cluster (a live scheduler node runs it).")
    static final class Trigger implements Callable<Integer> {
        @Option(names = "--date", description = "Business date; default: yesterday with catch-up, like the nightly run")
        LocalDate date;
        @Mixin JobsContext.ConfigOption config;

        @Override
        public Integer call() {
            return with(config, schedules -> {
                String name = schedules.trigger(date);
                System.out.println("Triggered " + name + (date == null ? "" : " for " + date)
                        + "; follow with `settle status" + (date == null ? "" : " --date " + date) + "`.");
                if (schedules.nodes().stream().noneMatch(PipelineSchedules.NodeView::alive)) {
                    System.out.println("WARNING: no live scheduler node: it fires when one starts; "
                            + "or run it here with `settle run pipeline --date D`.");
                }
                return SettleMain.EXIT_OK;
            });
        }
    }
}
