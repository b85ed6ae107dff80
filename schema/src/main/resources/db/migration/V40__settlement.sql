-- Settlement and payouts: per-merchant settlement terms, settlements with their statement lines,
-- the rolling reserve, payouts, payout files with four-eyes approval, and bank returns.
-- Money is bigint minor units + ISO 4217 code. Settlement ids are deterministic
-- ('stl_<yyyymmdd>_<ccy>_<merchant suffix>'); payout ids are 'po_<12 digits>' ('_r' appended on reissue).

-- Settlement terms per merchant and currency: a row per currency the merchant is settled in.
CREATE TABLE merchant_settlement_config (
    merchant_id            text        NOT NULL REFERENCES merchant (id),
    currency               char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- pricing
    capture_fee_bp         bigint      NOT NULL DEFAULT 0 CHECK (capture_fee_bp BETWEEN 0 AND 10000),
    capture_fee_fixed_minor bigint     NOT NULL DEFAULT 0 CHECK (capture_fee_fixed_minor >= 0),
    refund_fee_minor       bigint      NOT NULL DEFAULT 0 CHECK (refund_fee_minor >= 0),
    chargeback_fee_minor   bigint      NOT NULL DEFAULT 0 CHECK (chargeback_fee_minor >= 0),
    minimum_fee_minor      bigint      NOT NULL DEFAULT 0 CHECK (minimum_fee_minor >= 0),
    rounding_rule          text        NOT NULL DEFAULT 'HALF_EVEN'
                               CHECK (rounding_rule IN ('HALF_EVEN', 'HALF_UP', 'DOWN', 'UP', 'CEILING', 'FLOOR')),
    -- rolling reserve: reserve_bp of each cycle's gross captures, held reserve_days days
    reserve_bp             bigint      NOT NULL DEFAULT 0 CHECK (reserve_bp BETWEEN 0 AND 10000),
    reserve_days           int         NOT NULL DEFAULT 0 CHECK (reserve_days >= 0),
    -- payouts
    payout_minimum_minor   bigint      NOT NULL DEFAULT 0 CHECK (payout_minimum_minor >= 0),
    payout_method          text        NOT NULL CHECK (payout_method IN ('NACHA', 'PAIN001', 'CSV')),
    payout_bank            text        NOT NULL DEFAULT 'default',
    beneficiary_name       text        NOT NULL CHECK (length(beneficiary_name) BETWEEN 1 AND 140),
    iban                   text,
    bic                    text,
    routing_number         text        CHECK (routing_number IS NULL OR routing_number ~ '^[0-9]{9}$'),
    account_number         text,
    account_type           text        NOT NULL DEFAULT 'checking' CHECK (account_type IN ('checking', 'savings')),
    -- what a returned payout does: 'repay' in the next settlement, or 'hold' until finance releases it
    on_return              text        NOT NULL DEFAULT 'repay' CHECK (on_return IN ('repay', 'hold')),
    updated_by             text        NOT NULL,
    updated_at             timestamptz NOT NULL,
    PRIMARY KEY (merchant_id, currency),
    CHECK (payout_method <> 'NACHA' OR (currency = 'USD' AND routing_number IS NOT NULL AND account_number IS NOT NULL)),
    CHECK (payout_method <> 'PAIN001' OR iban IS NOT NULL)
);

-- Every change of terms, for audit (who set which terms when).
CREATE TABLE merchant_settlement_config_audit (
    id           bigserial   PRIMARY KEY,
    merchant_id  text        NOT NULL,
    currency     char(3)     NOT NULL,
    terms        text        NOT NULL,
    changed_by   text        NOT NULL,
    changed_at   timestamptz NOT NULL
);

-- One settlement per merchant, currency and business date. Every amount is signed from the
-- merchant's side; net = carried_in + captures - refunds + disputes - fees - held + released + returned.
CREATE TABLE settlement (
    id                      text        PRIMARY KEY CHECK (id ~ '^stl_'),
    merchant_id             text        NOT NULL REFERENCES merchant (id),
    currency                char(3)     NOT NULL,
    business_date           date        NOT NULL,
    transaction_count       bigint      NOT NULL,
    gross_captures_minor    bigint      NOT NULL,
    refunds_minor           bigint      NOT NULL,
    disputes_minor          bigint      NOT NULL,
    fees_minor              bigint      NOT NULL,
    reserve_held_minor      bigint      NOT NULL,
    reserve_released_minor  bigint      NOT NULL,
    returned_payouts_minor  bigint      NOT NULL,
    carried_in_minor        bigint      NOT NULL,
    net_minor               bigint      NOT NULL,
    payout_minor            bigint      NOT NULL CHECK (payout_minor >= 0),
    carried_out_minor       bigint      NOT NULL,
    -- PAYABLE: a payout is due (net >= minimum); CARRIED_FORWARD: net negative or below the minimum
    status                  text        NOT NULL CHECK (status IN ('PAYABLE', 'CARRIED_FORWARD')),
    posting_reference       text        NOT NULL,
    statement_csv           text        NOT NULL,
    statement_sha256        char(64)    NOT NULL,
    created_at              timestamptz NOT NULL,
    UNIQUE (merchant_id, currency, business_date),
    CHECK (payout_minor + carried_out_minor = net_minor)
);
CREATE INDEX settlement_date_idx ON settlement (business_date);

-- The statement: every line that makes up the net, in order. Σ amount_minor = net_minor.
CREATE TABLE settlement_line (
    settlement_id   text     NOT NULL REFERENCES settlement (id),
    line_no         int      NOT NULL,
    line_type       text     NOT NULL CHECK (line_type IN ('BALANCE_BROUGHT_FORWARD', 'CAPTURE', 'REFUND', 'CHARGEBACK',
                                 'SECOND_CHARGEBACK', 'CHARGEBACK_REVERSAL', 'FEE', 'RESERVE_HELD', 'RESERVE_RELEASED',
                                 'RETURNED_PAYOUT')),
    reference       text     NOT NULL,
    description     text     NOT NULL DEFAULT '',
    gross_minor     bigint,
    amount_minor    bigint   NOT NULL,
    business_date   date,
    PRIMARY KEY (settlement_id, line_no)
);

-- Exactly once: a gateway transaction ('txn_…') or a dispute event ('dispute_event:<file>:<line>')
-- is settled in one settlement only.
CREATE TABLE settled_transaction (
    transaction_id  text        PRIMARY KEY,
    settlement_id   text        NOT NULL REFERENCES settlement (id),
    kind            text        NOT NULL,
    amount_minor    bigint      NOT NULL,
    fee_minor       bigint      NOT NULL
);
CREATE INDEX settled_transaction_settlement_idx ON settled_transaction (settlement_id);

-- Rolling reserve: one hold per settlement that held something; released by the first
-- settlement on or after release_date.
CREATE TABLE reserve_hold (
    settlement_id           text     PRIMARY KEY REFERENCES settlement (id),
    merchant_id             text     NOT NULL,
    currency                char(3)  NOT NULL,
    amount_minor            bigint   NOT NULL CHECK (amount_minor > 0),
    held_date               date     NOT NULL,
    release_date            date     NOT NULL,
    released_in_settlement  text     REFERENCES settlement (id)
);
CREATE INDEX reserve_hold_open_idx ON reserve_hold (merchant_id, currency, release_date) WHERE released_in_settlement IS NULL;

-- Payout files: grouped by bank and format, written, re-read, then approved and uploaded.
CREATE TABLE payout_file (
    id                  text        PRIMARY KEY,
    bank                text        NOT NULL,
    format              text        NOT NULL CHECK (format IN ('NACHA', 'PAIN001', 'CSV')),
    business_date       date        NOT NULL,
    file_name           text        NOT NULL UNIQUE,
    -- PENDING_APPROVAL → APPROVED → UPLOADED; REJECTED when the bank refuses the whole file
    status              text        NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'APPROVED', 'UPLOADED', 'REJECTED')),
    payout_count        bigint      NOT NULL,
    -- control totals per currency as written and re-read, e.g. 'EUR=12345;JPY=500'
    control_totals      text        NOT NULL,
    size_bytes          bigint      NOT NULL,
    sha256              char(64)    NOT NULL,
    content             bytea       NOT NULL,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    uploaded_at         timestamptz,
    remote_path         text
);

CREATE TABLE payout_file_approval (
    id            bigserial   PRIMARY KEY,
    file_id       text        NOT NULL REFERENCES payout_file (id),
    action        text        NOT NULL CHECK (action IN ('CREATED', 'APPROVED', 'AUTO_APPROVED', 'REFUSED', 'UPLOADED')),
    actor         text        NOT NULL,
    note          text        NOT NULL DEFAULT '',
    at            timestamptz NOT NULL
);
CREATE INDEX payout_file_approval_file_idx ON payout_file_approval (file_id);
-- four eyes: nobody approves a file they created (checked in code, and here)
CREATE FUNCTION payout_file_approval_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.action = 'APPROVED' AND EXISTS (SELECT 1 FROM payout_file f WHERE f.id = NEW.file_id AND f.created_by = NEW.actor) THEN
        RAISE EXCEPTION 'payout file % cannot be approved by its creator %', NEW.file_id, NEW.actor
            USING ERRCODE = '23514', CONSTRAINT = 'payout_file_four_eyes';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER payout_file_approval_four_eyes BEFORE INSERT ON payout_file_approval
    FOR EACH ROW EXECUTE FUNCTION payout_file_approval_four_eyes();

CREATE SEQUENCE payout_end_to_end_seq;

CREATE TABLE payout (
    id                  text        PRIMARY KEY CHECK (id ~ '^po_'),
    settlement_id       text        NOT NULL REFERENCES settlement (id),
    merchant_id         text        NOT NULL REFERENCES merchant (id),
    currency            char(3)     NOT NULL,
    amount_minor        bigint      NOT NULL CHECK (amount_minor > 0),
    business_date       date        NOT NULL,
    method              text        NOT NULL CHECK (method IN ('NACHA', 'PAIN001', 'CSV')),
    bank                text        NOT NULL,
    beneficiary_name    text        NOT NULL,
    -- IBAN, or routing/account for NACHA; BIC may be empty
    account             text        NOT NULL,
    bic                 text        NOT NULL DEFAULT '',
    account_type        text        NOT NULL DEFAULT 'checking',
    -- 'STL' + 12 digits: fits NACHA's identification number (15) and ISO 20022 EndToEndId (35)
    end_to_end_id       text        NOT NULL UNIQUE,
    -- NACHA trace number (ODFI + sequence within the file): unique per file, not forever, so returns
    -- are matched on trace number + amount among sent payouts, newest first
    trace_number        text,
    -- CREATED: not in a file yet; IN_FILE: in a file waiting for approval/upload; SENT: file uploaded;
    -- RETURNED: bank returned or rejected it; FAILED: declared failed by finance (reissue makes a new payout)
    status              text        NOT NULL CHECK (status IN ('CREATED', 'IN_FILE', 'SENT', 'RETURNED', 'FAILED')),
    file_id             text        REFERENCES payout_file (id),
    reissue_of          text        UNIQUE REFERENCES payout (id),
    posting_reference   text        NOT NULL UNIQUE,
    created_by          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    status_changed_at   timestamptz NOT NULL,
    status_reason       text        NOT NULL DEFAULT ''
);
-- Exactly once: the job creates one payout per settlement; a reissue is a separate, explicit row.
CREATE UNIQUE INDEX payout_once_per_settlement ON payout (settlement_id) WHERE reissue_of IS NULL;
CREATE INDEX payout_merchant_idx ON payout (merchant_id, business_date DESC);
CREATE INDEX payout_file_idx ON payout (file_id);
CREATE INDEX payout_trace_idx ON payout (trace_number) WHERE trace_number IS NOT NULL;

-- A bank return (NACHA R-code) or rejection (pain.002 RJCT) of a payout, once per payout.
CREATE TABLE payout_return (
    payout_id             text        PRIMARY KEY REFERENCES payout (id),
    source_file_id        bigint      REFERENCES ingested_file (id),
    reason_code           text        NOT NULL,
    reason_text           text        NOT NULL DEFAULT '',
    amount_minor          bigint      NOT NULL,
    currency              char(3)     NOT NULL,
    business_date         date        NOT NULL,
    -- REPAY: paid again in the next settlement; HELD: waits for finance (./settle payouts release-return)
    disposition           text        NOT NULL CHECK (disposition IN ('REPAY', 'HELD')),
    settled_in_settlement text        REFERENCES settlement (id),
    posting_reference     text        NOT NULL,
    created_at            timestamptz NOT NULL
);

-- Leg 3 of reconciliation: every payout that left (sent, or returned after it was sent) is expected
-- as a debit on our bank account, keyed by end-to-end id and amount.
CREATE OR REPLACE VIEW recon_expected_bank_debit AS
SELECT p.id AS payout_id, p.merchant_id, p.end_to_end_id, p.amount_minor, p.currency::char(3) AS currency,
       coalesce((f.uploaded_at AT TIME ZONE 'UTC')::date, p.business_date) AS expected_date
  FROM payout p JOIN payout_file f ON f.id = p.file_id
 WHERE p.status IN ('SENT', 'RETURNED') AND f.status = 'UPLOADED';
