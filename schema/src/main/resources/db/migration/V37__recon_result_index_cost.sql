-- A 1M-payment day writes a million leg-1 results in one statement, and every index with a random
-- text key costs about as much as the insert itself (measured, 1.05M rows: no index 1.0 s; the three
-- indexes below as they were 16.1 s; as they are now, inserted in key order, 9.1 s):
--  * one index serves both the uniqueness of a result and the lookups by item key, so the primary
--    key leads with item_key and the separate (item_key, result_date) index goes;
--  * lookups by date (rerun, summary, exceptions) use a (result_date, leg) index, cheap to extend
--    because a day's rows share one key.
ALTER TABLE recon_result DROP CONSTRAINT recon_result_pkey;
DROP INDEX recon_result_item_idx;
ALTER TABLE recon_result ADD PRIMARY KEY (item_key, result_date, leg);
CREATE INDEX recon_result_date_idx ON recon_result (result_date, leg);

