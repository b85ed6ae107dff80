package dev.settle.app;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shows progress of the running steps of a business date on a terminal (stderr, one line redrawn
 * every second): step, items read and written, rate (items/s), and an ETA when the total is known
 * (partitioned steps: partitions done of total). Silent when stderr is not a terminal or for
 * {@code --json}. Rates are whole items per second: no floating point.
 */
final class ProgressReporter implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final LocalDate date;
    private final PrintStream out;
    private final Thread thread;
    private volatile boolean running = true;
    private int lastWidth;

    private ProgressReporter(DataSource dataSource, LocalDate date, PrintStream out) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.date = date;
        this.out = out;
        this.thread = new Thread(this::loop, "settle-progress");
        this.thread.setDaemon(true);
    }

    /** Starts reporting when attached to a terminal, else returns a no-op reporter. */
    static AutoCloseable start(DataSource dataSource, LocalDate date, boolean json) {
        if (json || System.console() == null) {
            return () -> { };
        }
        ProgressReporter reporter = new ProgressReporter(dataSource, date, System.err);
        reporter.thread.start();
        return reporter;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(1000);
                String line = line();
                if (line != null) {
                    out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                    lastWidth = line.length();
                    out.flush();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // progress is best effort; the run itself reports errors
            }
        }
    }

    /** One line describing the running steps of the date's running executions, or null. */
    String line() {
        List<String> parts = jdbc.query("""
                SELECT i.job_name, s.step_name, s.read_count, s.write_count,
                       (extract(epoch FROM (localtimestamp - s.start_time)) * 1000)::bigint AS elapsed_ms,
                       (SELECT count(*) FROM batch_step_execution c WHERE c.job_execution_id = e.job_execution_id
                           AND c.step_name LIKE split_part(s.step_name, ':', 1) || ':%' AND c.status = 'COMPLETED') AS parts_done,
                       (SELECT count(*) FROM batch_step_execution c WHERE c.job_execution_id = e.job_execution_id
                           AND c.step_name LIKE split_part(s.step_name, ':', 1) || ':%') AS parts_total
                  FROM batch_step_execution s
                  JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                       AND p.parameter_name = 'businessDate' AND p.parameter_value = ?
                 WHERE s.status = 'STARTED' AND e.status = 'STARTED'
                 ORDER BY s.step_execution_id""", (rs, n) -> describe(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), date.toString());
        return parts.isEmpty() ? null : String.join("  ", parts);
    }

    static String describe(String job, String step, long read, long written, long elapsedMs, long partsDone, long partsTotal) {
        long ratePerSecond = elapsedMs <= 0 ? 0 : read * 1000 / elapsedMs;
        String eta = "ETA n/a";
        if (partsTotal > 0 && partsDone > 0 && partsDone < partsTotal) {
            long etaSeconds = elapsedMs * (partsTotal - partsDone) / partsDone / 1000;
            eta = "ETA " + etaSeconds + "s (" + partsDone + "/" + partsTotal + " parts)";
        }
        return job + "/" + step + ": " + read + " read, " + written + " written, " + ratePerSecond + "/s, " + eta;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
        }
    }
}
