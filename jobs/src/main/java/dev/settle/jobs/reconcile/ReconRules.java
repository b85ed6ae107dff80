package dev.settle.jobs.reconcile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads a rule set by version; an unknown version is an error naming the known ones. */
public final class ReconRules {

    private final Map<Integer, ReconRule> byLeg;

    private ReconRules(Map<Integer, ReconRule> byLeg) {
        this.byLeg = byLeg;
    }

    public static ReconRules load(JdbcTemplate jdbc, String version) {
        List<ReconRule> rules = jdbc.query("SELECT * FROM recon_rule WHERE rule_set_version = ? ORDER BY leg",
                (rs, n) -> new ReconRule(rs.getString("rule_set_version"), rs.getInt("leg"), rs.getString("match_key"),
                        rs.getLong("tolerance_minor"), rs.getInt("tolerance_bp"), rs.getInt("date_window_days"),
                        rs.getInt("aging_days"), rs.getString("batch_reference_pattern")), version);
        if (rules.size() != 3) {
            throw new IllegalStateException("reconciliation rule set '" + version + "' not found (or incomplete); known: "
                    + jdbc.queryForList("SELECT version FROM recon_rule_set ORDER BY version", String.class));
        }
        return new ReconRules(rules.stream().collect(Collectors.toMap(ReconRule::leg, Function.identity())));
    }

    public ReconRule leg(int leg) {
        return byLeg.get(leg);
    }
}
