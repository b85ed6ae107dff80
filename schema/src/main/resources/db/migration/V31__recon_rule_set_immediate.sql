-- A stricter rule set: a capture missing from the gateway report is an exception on its own
-- business date (no aging). Used by the demo so a late line visibly clears yesterday's exception.
INSERT INTO recon_rule_set (version, description, created_at)
VALUES ('immediate', 'As v1, but missing items are exceptions at once (no aging)', TIMESTAMPTZ '2026-11-24 00:00:00+00');
INSERT INTO recon_rule (rule_set_version, leg, match_key, tolerance_minor, tolerance_bp, date_window_days, aging_days,
                        batch_reference_pattern, precedence)
SELECT 'immediate', leg, match_key, tolerance_minor, tolerance_bp, date_window_days, 0, batch_reference_pattern, precedence
  FROM recon_rule WHERE rule_set_version = 'v1';
