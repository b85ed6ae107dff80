package dev.settle.jobs.reconcile;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Compares the fees the gateway actually charged (commission, markup, scheme fees, interchange of
 * each Settled line) with what the fee schedule ({@code gateway_fee_schedule}) says they should
 * be. Expected fee per line = gross × rate_bp / 10 000 rounded half-even to a minor unit, plus the
 * fixed fee. Read-only.
 */
public final class GatewayFeeReport {

    /**
     * One currency's totals for the date range.
     *
     * @param linesOverCharged lines whose actual fee exceeds the expected one
     */
    public record Row(String currency, long lines, long actualMinor, long expectedMinor, long differenceMinor,
                      long commissionMinor, long markupMinor, long schemeFeesMinor, long interchangeMinor,
                      long linesOverCharged, long linesWithoutSchedule) {
    }

    private final JdbcTemplate jdbc;

    public GatewayFeeReport(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public List<Row> between(LocalDate from, LocalDate to) {
        return jdbc.query("""
                WITH lines AS (
                    SELECT l.currency, l.commission_minor, l.markup_minor, l.scheme_fees_minor, l.interchange_minor,
                           l.commission_minor + l.markup_minor + l.scheme_fees_minor + l.interchange_minor AS actual_minor,
                           CASE WHEN s.currency IS NULL THEN NULL
                                ELSE settle_round_half_even(l.gross_minor::numeric * s.rate_bp / 10000) + s.fixed_minor END AS expected_minor
                      FROM visible_gateway_report_line l
                      LEFT JOIN gateway_fee_schedule s ON s.currency = l.currency AND s.valid_from <= l.file_business_date
                     WHERE l.record_type IN ('Settled', 'SettledBulk') AND l.file_business_date BETWEEN ? AND ?
                )
                SELECT currency, count(*) AS lines, sum(actual_minor)::bigint AS actual, coalesce(sum(expected_minor), 0)::bigint AS expected,
                       (sum(actual_minor) - coalesce(sum(expected_minor), 0))::bigint AS difference,
                       sum(commission_minor)::bigint AS commission, sum(markup_minor)::bigint AS markup,
                       sum(scheme_fees_minor)::bigint AS scheme, sum(interchange_minor)::bigint AS interchange,
                       count(*) FILTER (WHERE actual_minor > expected_minor) AS over,
                       count(*) FILTER (WHERE expected_minor IS NULL) AS unscheduled
                  FROM lines GROUP BY currency ORDER BY currency""",
                (rs, n) -> new Row(rs.getString("currency"), rs.getLong("lines"), rs.getLong("actual"), rs.getLong("expected"),
                        rs.getLong("difference"), rs.getLong("commission"), rs.getLong("markup"), rs.getLong("scheme"),
                        rs.getLong("interchange"), rs.getLong("over"), rs.getLong("unscheduled")), from, to);
    }
}
