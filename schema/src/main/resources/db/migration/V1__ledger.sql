-- Double-entry ledger. Money is bigint minor units + ISO 4217 code; never numeric/float.
-- Version ranges per issue so parallel work never collides:
--   V1-V9 foundation, V10-V19 gateway-online, V20-V29 ingestion, V30-V39 reconciliation,
--   V40-V49 settlement and payouts, V50-V59 operations.

CREATE TABLE ledger_account (
    id            bigserial PRIMARY KEY,
    -- 'merchant' accounts belong to one merchant; 'system' accounts to Settle itself.
    owner_type    text        NOT NULL CHECK (owner_type IN ('merchant', 'system')),
    owner_id      text        NOT NULL DEFAULT '',
    kind          text        NOT NULL,
    currency      char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at    timestamptz NOT NULL,
    UNIQUE (owner_type, owner_id, kind, currency),
    -- lets ledger_line reference (id, currency) so a line can only be in its account's currency
    UNIQUE (id, currency),
    CHECK ((owner_type = 'system') = (owner_id = ''))
);

CREATE TABLE ledger_posting (
    id                   bigserial PRIMARY KEY,
    -- Idempotency reference: a retried posting with the same reference is not written twice.
    reference            text        NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 200),
    kind                 text        NOT NULL,
    description          text        NOT NULL DEFAULT '',
    business_date        date        NOT NULL,
    -- A correction is a new posting that reverses an earlier one; each posting is reversed at most once.
    reverses_posting_id  bigint      UNIQUE REFERENCES ledger_posting (id),
    created_at           timestamptz NOT NULL
);

CREATE TABLE ledger_line (
    id            bigserial PRIMARY KEY,
    posting_id    bigint  NOT NULL REFERENCES ledger_posting (id),
    account_id    bigint  NOT NULL,
    side          char(1) NOT NULL CHECK (side IN ('D', 'C')),
    amount_minor  bigint  NOT NULL CHECK (amount_minor > 0),
    currency      char(3) NOT NULL,
    FOREIGN KEY (account_id, currency) REFERENCES ledger_account (id, currency)
);
CREATE INDEX ledger_line_posting_idx ON ledger_line (posting_id);
CREATE INDEX ledger_line_account_idx ON ledger_line (account_id);

-- Σdebits = Σcredits per currency, and at least two lines, checked at COMMIT (deferred), so the
-- database refuses an unbalanced posting even when application code is bypassed.
CREATE FUNCTION ledger_assert_balanced(pid bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    line_count bigint;
    bad record;
BEGIN
    SELECT count(*) INTO line_count FROM ledger_line WHERE posting_id = pid;
    IF line_count < 2 THEN
        RAISE EXCEPTION 'ledger posting % has % line(s); a posting needs at least two', pid, line_count
            USING ERRCODE = '23514', CONSTRAINT = 'ledger_posting_min_two_lines';
    END IF;
    SELECT currency,
           sum(CASE WHEN side = 'D' THEN amount_minor::numeric ELSE 0 END) AS debits,
           sum(CASE WHEN side = 'C' THEN amount_minor::numeric ELSE 0 END) AS credits
      INTO bad
      FROM ledger_line WHERE posting_id = pid
     GROUP BY currency
    HAVING sum(CASE WHEN side = 'D' THEN amount_minor::numeric ELSE -amount_minor::numeric END) <> 0
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger posting % is unbalanced in %: debits % <> credits %',
            pid, bad.currency, bad.debits, bad.credits
            USING ERRCODE = '23514', CONSTRAINT = 'ledger_posting_balanced';
    END IF;
END $$;

CREATE FUNCTION ledger_line_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_assert_balanced(NEW.posting_id);
    RETURN NULL;
END $$;

CREATE FUNCTION ledger_posting_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ledger_assert_balanced(NEW.id);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_line_balanced
    AFTER INSERT ON ledger_line DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_line_check_balanced();
CREATE CONSTRAINT TRIGGER ledger_posting_balanced
    AFTER INSERT ON ledger_posting DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_posting_check_balanced();

-- Posted entries are immutable: corrections are reversing postings.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused; post a reversal instead', TG_TABLE_NAME, TG_OP
        USING ERRCODE = '42501';
END $$;

CREATE TRIGGER ledger_line_append_only BEFORE UPDATE OR DELETE ON ledger_line
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_line_no_truncate BEFORE TRUNCATE ON ledger_line
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_posting_no_truncate BEFORE TRUNCATE ON ledger_posting
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

-- Balances are derived from the lines, never stored: a debit-normal balance is Σdebit - Σcredit.
CREATE VIEW ledger_account_balance AS
SELECT a.id AS account_id, a.owner_type, a.owner_id, a.kind, a.currency,
       coalesce(sum(CASE WHEN l.side = 'D' THEN l.amount_minor ELSE 0 END), 0)::numeric AS debits_minor,
       coalesce(sum(CASE WHEN l.side = 'C' THEN l.amount_minor ELSE 0 END), 0)::numeric AS credits_minor
  FROM ledger_account a LEFT JOIN ledger_line l ON l.account_id = a.id
 GROUP BY a.id;
