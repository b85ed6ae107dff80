-- Settlement loads each merchant's unsettled dispute events through its disputes (dispute_merchant_idx)
-- and then their events: without this index that second step reads every event of every visible
-- file, once per merchant and currency, and the history only grows.
CREATE INDEX dispute_event_dispute_idx ON dispute_event (dispute_id);
