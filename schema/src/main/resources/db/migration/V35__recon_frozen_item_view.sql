-- A final rule match is no longer copied into recon_matched_item (two rows per match: 2.1 million
-- inserts into a text-keyed index for a 1M-payment day, half of the reconciliation's time). The
-- frozen items are read where the matches already are: recon_result (indexed on item_key and on
-- other_key). recon_matched_item keeps the manual matches of the exceptions workflow.
DELETE FROM recon_matched_item WHERE how = 'rule';
ALTER TABLE recon_matched_item ADD CONSTRAINT recon_matched_item_manual_only CHECK (how = 'manual');

-- Every item frozen by a final match, from either side: a later business date skips it, settlement
-- settles it, an open exception on it is resolved as matched.
CREATE VIEW recon_frozen_item AS
SELECT r.item_key, r.result_date AS matched_date, r.leg, r.other_key, 'rule'::text AS how
  FROM recon_result r WHERE r.outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE')
UNION ALL
SELECT r.other_key, r.result_date, r.leg, r.item_key, 'rule'
  FROM recon_result r WHERE r.outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE') AND r.other_key IS NOT NULL
UNION ALL
-- a manual match already stores one row per side
SELECT m.item_key, m.matched_date, m.leg, m.other_key, m.how FROM recon_matched_item m;

