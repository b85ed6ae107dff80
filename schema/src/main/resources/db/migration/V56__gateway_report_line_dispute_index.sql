-- Reconciliation's dispute step reads the chargeback lines of every visible report, and found
-- them by scanning every report line ever ingested, once per visible file (a nested loop over
-- ingested_file). Chargebacks are a few in a thousand lines: a partial index holds just those,
-- so the step reads them directly and ingest pays only the predicate check for the other lines.
-- Measured on a 1M-payment day (4,885 chargeback lines in 1,054,850): dispute events 396 ms ->
-- 19 ms; disputes 986 ms -> 536 ms (what remains is the hash join with payment). A binary COPY of
-- those 1,054,850 lines into the table with and without the index, alternating: 2.96 / 2.72 /
-- 2.73 s with, 3.23 / 2.65 / 2.76 s without.
CREATE INDEX gateway_report_line_dispute_idx ON gateway_report_line (record_type)
    WHERE record_type IN ('Chargeback', 'SecondChargeback', 'ChargebackReversed');
