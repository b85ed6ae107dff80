-- Settlement asks, for every captured or refunded transaction of the day, whether a final match
-- froze it ('txn:<id>'). Through recon_frozen_item the answer hashed both sides of every leg-1
-- match, a million rows per side for a million-payment day, to find keys that are only ever on
-- one side: a leg-1 rule match names our transaction as its item (the gateway line is the other
-- side), and a manual match stores one row per side. This view has just those rows. For keys of
-- our own transactions it gives what recon_frozen_item gives; for any other key use recon_frozen_item.
CREATE VIEW recon_frozen_transaction AS
SELECT r.item_key, r.result_date AS matched_date
  FROM recon_result r WHERE r.leg = 1 AND r.outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE')
UNION ALL
SELECT m.item_key, m.matched_date FROM recon_matched_item m;
