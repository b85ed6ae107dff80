-- Reconciliation joins staged gateway lines with hash joins over the whole day, never by index
-- lookups on the PSP reference, so that index only slowed every COPY of a million-row report.
DROP INDEX IF EXISTS gateway_report_line_psp_idx;
