-- What we expect the gateway to charge us per settled payment, per currency: basis points of the
-- gross amount (rounded half-even to a minor unit, per line) plus a fixed amount. The gateway-fee
-- report compares it with the fees the settlement report actually carries.
CREATE TABLE gateway_fee_schedule (
    currency      char(3) PRIMARY KEY CHECK (currency ~ '^[A-Z]{3}$'),
    rate_bp       int     NOT NULL CHECK (rate_bp >= 0),
    fixed_minor   bigint  NOT NULL DEFAULT 0 CHECK (fixed_minor >= 0),
    valid_from    date    NOT NULL DEFAULT DATE '2000-01-01'
);
INSERT INTO gateway_fee_schedule (currency, rate_bp, fixed_minor) VALUES
    ('EUR', 120, 0), ('USD', 120, 0), ('GBP', 120, 0), ('JPY', 120, 0), ('KWD', 120, 0), ('CHF', 120, 0);

-- Half-even ("banker's") rounding to a whole number, the rule src/docs/rounding.md names for fees.
-- PostgreSQL's round(numeric) rounds halves away from zero, so it is not used for money.
CREATE FUNCTION settle_round_half_even(x numeric) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE WHEN abs(x - trunc(x)) = 0.5 THEN (2 * round(x / 2))::bigint ELSE round(x)::bigint END
$$;
