-- Settlement loads each merchant's unsettled dispute events, once per merchant and currency. At a
-- few thousand events the planner reads the table whole either way; as the history grows this index
-- lets it go from the merchant's disputes (dispute_merchant_idx) to their events instead of reading
-- every event once per merchant and currency.
CREATE INDEX dispute_event_dispute_idx ON dispute_event (dispute_id);
