-- Ingestion: every inbound file is recorded once, with its checksum; its rows are staged in
-- line tables and become visible to reconciliation only when the file is INGESTED.

CREATE TABLE ingested_file (
    id               bigserial PRIMARY KEY,
    source           text        NOT NULL,
    source_kind      text        NOT NULL CHECK (source_kind IN ('gateway', 'bank')),
    format           text        NOT NULL,
    remote_name      text        NOT NULL,
    -- versions of the same remote name with different content: 1, 2, ...
    name_version     int         NOT NULL DEFAULT 1,
    size_bytes       bigint      NOT NULL,
    sha256           char(64)    NOT NULL,
    business_date    date        NOT NULL,
    received_at      timestamptz NOT NULL,
    -- RECEIVED: downloaded and recorded; LOADING: rows being staged; INGESTED: visible;
    -- DUPLICATE: same content seen before (no rows); HELD: same name, new content, waiting for review;
    -- QUARANTINED: too many bad rows (rows discarded); REJECTED: unreadable file.
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'LOADING', 'INGESTED', 'DUPLICATE',
                                                            'HELD', 'QUARANTINED', 'REJECTED')),
    duplicate_of_id  bigint      REFERENCES ingested_file (id),
    job_execution_id bigint,
    rows_read        bigint      NOT NULL DEFAULT 0,
    rows_written     bigint      NOT NULL DEFAULT 0,
    rows_skipped     bigint      NOT NULL DEFAULT 0,
    duration_ms      bigint      NOT NULL DEFAULT 0,
    status_reason    text        NOT NULL DEFAULT '',
    loading_started_at timestamptz,
    status_changed_at timestamptz NOT NULL
);
-- Exactly-once by content: one accepted file per (source, sha256); duplicates are recorded as extra rows.
CREATE UNIQUE INDEX ingested_file_content_once ON ingested_file (source, sha256) WHERE status <> 'DUPLICATE';
CREATE UNIQUE INDEX ingested_file_name_version ON ingested_file (source, remote_name, name_version) WHERE status <> 'DUPLICATE';
CREATE INDEX ingested_file_status_idx ON ingested_file (status, source);

-- Bad records that were skipped, with the evidence finance needs.
CREATE TABLE ingest_error (
    id          bigserial PRIMARY KEY,
    file_id     bigint NOT NULL REFERENCES ingested_file (id),
    line_no     bigint NOT NULL,
    record_type text   NOT NULL DEFAULT '',
    field       text   NOT NULL DEFAULT '',
    raw_value   text   NOT NULL DEFAULT '',
    code        text   NOT NULL,
    reason      text   NOT NULL,
    -- true when the file could not be read any further (it is REJECTED as a whole)
    fatal       boolean NOT NULL DEFAULT false,
    UNIQUE (file_id, line_no, code, field)
);

-- One row per line of a gateway settlement report (Adyen SDR, Stripe, generic mapped CSV).
CREATE TABLE gateway_report_line (
    file_id                bigint  NOT NULL REFERENCES ingested_file (id),
    line_no                bigint  NOT NULL,
    source                 text    NOT NULL,
    record_type            text    NOT NULL,
    merchant_account       text    NOT NULL DEFAULT '',
    psp_reference          text    NOT NULL DEFAULT '',
    merchant_reference     text    NOT NULL DEFAULT '',
    modification_reference text    NOT NULL DEFAULT '',
    batch_number           bigint,
    booked_at              timestamptz,
    currency               char(3) NOT NULL,
    -- signed, from the merchant's point of view: + credit (money to us), - debit
    gross_minor            bigint  NOT NULL,
    net_currency           char(3) NOT NULL,
    net_minor              bigint  NOT NULL,
    commission_minor       bigint  NOT NULL DEFAULT 0,
    markup_minor           bigint  NOT NULL DEFAULT 0,
    scheme_fees_minor      bigint  NOT NULL DEFAULT 0,
    interchange_minor      bigint  NOT NULL DEFAULT 0,
    payment_method         text    NOT NULL DEFAULT '',
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX gateway_report_line_psp_idx ON gateway_report_line (psp_reference);

-- Statements (or notifications) in a bank file: balances and continuity.
CREATE TABLE bank_statement (
    file_id          bigint  NOT NULL REFERENCES ingested_file (id),
    statement_no     int     NOT NULL,
    account          text    NOT NULL,
    statement_ref    text    NOT NULL DEFAULT '',
    sequence_no      bigint,
    currency         char(3) NOT NULL,
    opening_minor    bigint,
    opening_date     date,
    closing_minor    bigint,
    closing_date     date,
    PRIMARY KEY (file_id, statement_no)
);

-- One row per booked entry (or per transaction detail of a batched entry) of a bank file.
CREATE TABLE bank_entry (
    file_id          bigint  NOT NULL REFERENCES ingested_file (id),
    entry_no         bigint  NOT NULL,
    statement_no     int     NOT NULL,
    line_no          bigint  NOT NULL,
    account          text    NOT NULL,
    currency         char(3) NOT NULL,
    -- signed: + credit to our account, - debit
    amount_minor     bigint  NOT NULL,
    reversal         boolean NOT NULL DEFAULT false,
    booking_date     date,
    value_date       date,
    end_to_end_id    text    NOT NULL DEFAULT '',
    bank_reference   text    NOT NULL DEFAULT '',
    remittance_info  text    NOT NULL DEFAULT '',
    counterparty     text    NOT NULL DEFAULT '',
    type_code        text    NOT NULL DEFAULT '',
    PRIMARY KEY (file_id, entry_no)
);
CREATE INDEX bank_entry_e2e_idx ON bank_entry (end_to_end_id) WHERE end_to_end_id <> '';

-- What later jobs may see: only rows of INGESTED files.
CREATE VIEW visible_gateway_report_line AS
SELECT l.*, f.business_date AS file_business_date FROM gateway_report_line l JOIN ingested_file f ON f.id = l.file_id
 WHERE f.status = 'INGESTED';
CREATE VIEW visible_bank_entry AS
SELECT e.*, f.source, f.business_date AS file_business_date FROM bank_entry e JOIN ingested_file f ON f.id = e.file_id
 WHERE f.status = 'INGESTED';

-- Reconciliation exceptions (ingestion raises statement-continuity breaks; reconciliation adds its own types).
CREATE TABLE recon_exception (
    id              bigserial PRIMARY KEY,
    business_date   date        NOT NULL,
    type            text        NOT NULL,
    merchant_id     text        NOT NULL DEFAULT '',
    currency        char(3),
    amount_minor    bigint,
    reference       text        NOT NULL DEFAULT '',
    details         text        NOT NULL DEFAULT '',
    status          text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    -- raising the same exception twice (a rerun) must not duplicate it
    dedup_key       text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    resolved_at     timestamptz,
    resolution      text        NOT NULL DEFAULT ''
);
CREATE INDEX recon_exception_open_idx ON recon_exception (status, business_date);
