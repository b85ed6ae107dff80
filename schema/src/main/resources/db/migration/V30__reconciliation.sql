-- Reconciliation. Rules are data (recon_rule_set / recon_rule); every run records its rule-set
-- version and the SHA-256 of each input file; results are per business date and recomputed
-- wholly on a rerun of that date, from inputs visible up to that date and matches frozen by
-- earlier dates, so a rerun gives identical results.

CREATE TABLE recon_rule_set (
    version     text        PRIMARY KEY,
    description text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- One row per leg: how items are keyed and how far apart they may be and still match.
CREATE TABLE recon_rule (
    rule_set_version        text    NOT NULL REFERENCES recon_rule_set (version),
    leg                     smallint NOT NULL CHECK (leg IN (1, 2, 3)),
    match_key               text    NOT NULL,
    -- a difference of at most this many minor units, or of at most this many basis points of the
    -- expected amount, is MATCHED_WITHIN_TOLERANCE (0 and 0: exact only)
    tolerance_minor         bigint  NOT NULL DEFAULT 0 CHECK (tolerance_minor >= 0),
    tolerance_bp            int     NOT NULL DEFAULT 0 CHECK (tolerance_bp >= 0),
    -- days a bank booking may be away from the expected date (legs 2 and 3)
    date_window_days        int     NOT NULL DEFAULT 0 CHECK (date_window_days >= 0),
    -- days an expected item may stay missing before it becomes an exception
    aging_days              int     NOT NULL DEFAULT 0 CHECK (aging_days >= 0),
    -- leg 2: regular expression whose first group is the gateway batch number in the remittance text
    batch_reference_pattern text    NOT NULL DEFAULT '',
    precedence              int     NOT NULL DEFAULT 0,
    PRIMARY KEY (rule_set_version, leg)
);

INSERT INTO recon_rule_set (version, description, created_at)
VALUES ('v1', 'Default rules: exact or 1-unit rounding on leg 1; payout batches within 3 days; payouts within 5 days',
        TIMESTAMPTZ '2026-11-24 00:00:00+00');
INSERT INTO recon_rule (rule_set_version, leg, match_key, tolerance_minor, tolerance_bp, date_window_days, aging_days,
                        batch_reference_pattern, precedence)
VALUES ('v1', 1, 'modification_reference', 1, 0, 0, 2, '', 1),
       ('v1', 2, 'batch_number+amount+value_date', 0, 0, 3, 3, '(?i)batch[^0-9]{0,3}([0-9]+)', 2),
       ('v1', 3, 'end_to_end_id+amount', 0, 0, 5, 5, '', 3);

CREATE TABLE recon_run (
    id               bigserial   PRIMARY KEY,
    business_date    date        NOT NULL,
    rule_set_version text        NOT NULL REFERENCES recon_rule_set (version),
    job_execution_id bigint,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    -- summary per outcome, filled at the end: 'MATCHED=10 AMOUNT_MISMATCH=1 ...'
    summary          text        NOT NULL DEFAULT ''
);

-- The inputs a run saw: every ingested file up to its business date, by checksum.
CREATE TABLE recon_run_input (
    run_id   bigint   NOT NULL REFERENCES recon_run (id),
    file_id  bigint   NOT NULL REFERENCES ingested_file (id),
    sha256   char(64) NOT NULL,
    PRIMARY KEY (run_id, file_id)
);

-- Outcome of every item considered for a business date (replaced as a whole when the date is rerun).
CREATE TABLE recon_result (
    result_date      date     NOT NULL,
    leg              smallint NOT NULL,
    outcome          text     NOT NULL CHECK (outcome IN ('MATCHED', 'MATCHED_WITHIN_TOLERANCE', 'AMOUNT_MISMATCH',
                               'CURRENCY_MISMATCH', 'MISSING_IN_GATEWAY', 'MISSING_INTERNALLY', 'DUPLICATE',
                               'UNMATCHED_BANK_CREDIT', 'MISSING_BANK_CREDIT', 'MISSING_BANK_DEBIT', 'UNMATCHED_BANK_DEBIT')),
    -- an expected item not seen yet but still within its aging window: not an exception (yet)
    pending          boolean  NOT NULL DEFAULT false,
    -- stable identity of the item(s): 'txn:<id>', 'gw:<file>:<line>', 'batch:<n>:<ccy>', 'bank:<file>:<entry>', 'po:<id>'
    item_key         text     NOT NULL,
    other_key        text,
    merchant_id      text     NOT NULL DEFAULT '',
    reference        text     NOT NULL DEFAULT '',
    currency         char(3),
    expected_minor   bigint,
    actual_minor     bigint,
    difference_minor bigint,
    -- for MATCHED_WITHIN_TOLERANCE and AMOUNT_MISMATCH: FEE, FX, ROUNDING or UNEXPLAINED
    attribution      text     NOT NULL DEFAULT '',
    item_date        date,
    PRIMARY KEY (result_date, leg, item_key)
);
CREATE INDEX recon_result_item_idx ON recon_result (item_key, result_date);
CREATE INDEX recon_result_other_idx ON recon_result (other_key, result_date) WHERE other_key IS NOT NULL;

-- Items settled by a final match (MATCHED / MATCHED_WITHIN_TOLERANCE / manual match); later dates skip them.
CREATE TABLE recon_matched_item (
    item_key     text PRIMARY KEY,
    matched_date date NOT NULL,
    leg          smallint NOT NULL,
    other_key    text,
    how          text NOT NULL CHECK (how IN ('rule', 'manual'))
);
CREATE INDEX recon_matched_item_date_idx ON recon_matched_item (matched_date);

-- Exceptions workflow (table created by V20): item identity, audit trail, resolution kinds.
ALTER TABLE recon_exception
    ADD COLUMN item_key          text NOT NULL DEFAULT '',
    ADD COLUMN leg               smallint,
    ADD COLUMN resolution_kind   text CHECK (resolution_kind IN ('MATCHED_LATER', 'MANUAL_MATCH', 'WRITE_OFF', 'ACCEPTED')),
    ADD COLUMN resolved_by       text NOT NULL DEFAULT '',
    ADD COLUMN first_seen_date   date,
    ADD COLUMN last_seen_date    date;
CREATE INDEX recon_exception_item_idx ON recon_exception (item_key);

CREATE TABLE recon_exception_action (
    id            bigserial   PRIMARY KEY,
    exception_id  bigint      NOT NULL REFERENCES recon_exception (id),
    action        text        NOT NULL CHECK (action IN ('RAISED', 'RESOLVED', 'REOPENED', 'AUTO_RESOLVED', 'NOTE')),
    actor         text        NOT NULL,
    note          text        NOT NULL DEFAULT '',
    at            timestamptz NOT NULL
);
CREATE INDEX recon_exception_action_exc_idx ON recon_exception_action (exception_id);

-- Disputes from Chargeback / SecondChargeback / ChargebackReversed lines, linked to their payment.
CREATE TABLE dispute (
    id               text        PRIMARY KEY,
    merchant_id      text        NOT NULL DEFAULT '',
    payment_id       text,
    psp_reference    text        NOT NULL UNIQUE,
    status           text        NOT NULL CHECK (status IN ('open', 'second_chargeback', 'reversed')),
    -- signed from the merchant's side: a chargeback takes money (negative), a reversal gives it back
    amount_minor     bigint      NOT NULL,
    currency         char(3)     NOT NULL,
    opened_date      date        NOT NULL,
    updated_date     date        NOT NULL
);
CREATE INDEX dispute_merchant_idx ON dispute (merchant_id, opened_date);

-- Every dispute line, once: settlement sums these per merchant.
CREATE TABLE dispute_event (
    dispute_id     text     NOT NULL REFERENCES dispute (id),
    file_id        bigint   NOT NULL,
    line_no        bigint   NOT NULL,
    record_type    text     NOT NULL,
    amount_minor   bigint   NOT NULL,
    currency       char(3)  NOT NULL,
    business_date  date     NOT NULL,
    PRIMARY KEY (file_id, line_no)
);

-- Leg 3 compares our payouts with bank debits. The payouts issue replaces this view with one over
-- its payout table; until then nothing is expected.
CREATE VIEW recon_expected_bank_debit AS
SELECT NULL::text AS payout_id, NULL::text AS merchant_id, NULL::text AS end_to_end_id,
       NULL::bigint AS amount_minor, NULL::char(3) AS currency, NULL::date AS expected_date
 WHERE false;
