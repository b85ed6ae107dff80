-- gateway-online: merchants, API keys, payments, refunds, idempotency keys and the transaction
-- journal that the nightly reconciliation reads. Money is bigint minor units + ISO 4217 code.
-- Card data: only BIN, last4, expiry and a keyed HMAC fingerprint; never the PAN or the CVC.

CREATE TABLE merchant (
    id                text        PRIMARY KEY CHECK (id ~ '^mer_[0-9A-Za-z]{24}$'),
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    default_currency  char(3)     NOT NULL CHECK (default_currency ~ '^[A-Z]{3}$'),
    status            text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
    created_at        timestamptz NOT NULL
);

-- Secret keys are shown once at creation; only their SHA-256 is kept (they are 190-bit random,
-- so a slow hash adds nothing). Several keys may be live at once so a merchant can rotate.
CREATE TABLE merchant_api_key (
    id           text        PRIMARY KEY CHECK (id ~ '^key_[0-9A-Za-z]{24}$'),
    merchant_id  text        NOT NULL REFERENCES merchant (id),
    key_hash     char(64)    NOT NULL UNIQUE,
    -- the first characters of the key, so people can tell their keys apart in listings
    key_prefix   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX merchant_api_key_merchant_idx ON merchant_api_key (merchant_id);

CREATE TABLE payment (
    id                     text        PRIMARY KEY CHECK (id ~ '^pay_[0-9A-Za-z]{24}$'),
    merchant_id            text        NOT NULL REFERENCES merchant (id),
    -- 'pending' exists only between our insert and the acquirer's answer; a crash there leaves it
    -- for the resolver, like 'unknown' (the acquirer timed out).
    status                 text        NOT NULL CHECK (status IN ('pending', 'authorized', 'captured',
                               'partially_refunded', 'refunded', 'voided', 'declined', 'unknown')),
    amount_minor           bigint      NOT NULL CHECK (amount_minor > 0),
    amount_captured_minor  bigint      NOT NULL DEFAULT 0,
    amount_refunded_minor  bigint      NOT NULL DEFAULT 0,
    currency               char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    capture_requested      boolean     NOT NULL,
    reference              text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 255),
    description            text,
    metadata               jsonb,
    card_brand             text        NOT NULL,
    card_bin               char(6)     NOT NULL CHECK (card_bin ~ '^[0-9]{6}$'),
    card_last4             char(4)     NOT NULL CHECK (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month         integer     NOT NULL CHECK (card_exp_month BETWEEN 1 AND 12),
    card_exp_year          integer     NOT NULL,
    card_fingerprint       text        NOT NULL,
    psp_reference          text,
    decline_code           text,
    -- the Idempotency-Key that created it: a retry that takes over a crashed request's key finds
    -- this payment instead of creating (and charging) a second one
    idempotency_key        text,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    -- the database's own guard against over-capture and over-refund, whatever the code does
    CHECK (amount_captured_minor BETWEEN 0 AND amount_minor),
    CHECK (amount_refunded_minor BETWEEN 0 AND amount_captured_minor)
);
CREATE INDEX payment_merchant_created_idx ON payment (merchant_id, created_at DESC, id DESC);
CREATE INDEX payment_merchant_reference_idx ON payment (merchant_id, reference);
CREATE UNIQUE INDEX payment_idempotency_key_idx ON payment (merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX payment_unresolved_idx ON payment (created_at) WHERE status IN ('pending', 'unknown');

CREATE TABLE refund (
    id                      text        PRIMARY KEY CHECK (id ~ '^re_[0-9A-Za-z]{24}$'),
    payment_id              text        NOT NULL REFERENCES payment (id),
    merchant_id             text        NOT NULL REFERENCES merchant (id),
    amount_minor            bigint      NOT NULL CHECK (amount_minor > 0),
    currency                char(3)     NOT NULL,
    reason                  text,
    status                  text        NOT NULL CHECK (status IN ('succeeded')),
    modification_reference  text        NOT NULL,
    idempotency_key         text,
    created_at              timestamptz NOT NULL
);
CREATE INDEX refund_payment_idx ON refund (payment_id);
CREATE UNIQUE INDEX refund_idempotency_key_idx ON refund (merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- One row per capture, refund and void, written in the same transaction as the state change and
-- its ledger posting (reference '<kind>:<id>'). The nightly reconciliation matches these rows
-- against the acquirer's settlement report by psp_reference / modification_reference.
CREATE TABLE gateway_transaction (
    id                      text        PRIMARY KEY CHECK (id ~ '^txn_[0-9A-Za-z]{24}$'),
    merchant_id             text        NOT NULL REFERENCES merchant (id),
    payment_id              text        NOT NULL REFERENCES payment (id),
    kind                    text        NOT NULL CHECK (kind IN ('capture', 'refund', 'void')),
    -- the refund this row records, for kind 'refund'
    refund_id               text        REFERENCES refund (id),
    psp_reference           text        NOT NULL,
    modification_reference  text        NOT NULL UNIQUE,
    amount_minor            bigint      NOT NULL CHECK (amount_minor > 0),
    currency                char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    business_date           date        NOT NULL,
    created_at              timestamptz NOT NULL
);
CREATE INDEX gateway_transaction_business_date_idx ON gateway_transaction (business_date, merchant_id);
CREATE INDEX gateway_transaction_payment_idx ON gateway_transaction (payment_id);

-- Idempotency keys, per merchant. The first request's status and body are kept with a
-- fingerprint (SHA-256 of method, path and body) and replayed to retries; purged after the window.
CREATE TABLE idempotency_key (
    merchant_id          text        NOT NULL REFERENCES merchant (id),
    idempotency_key      text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_fingerprint  char(64)    NOT NULL,
    state                text        NOT NULL CHECK (state IN ('in_flight', 'completed')),
    response_status      integer,
    response_body        bytea,
    created_at           timestamptz NOT NULL,
    completed_at         timestamptz,
    PRIMARY KEY (merchant_id, idempotency_key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
