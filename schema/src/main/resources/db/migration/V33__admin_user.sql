-- Finance and operations users of the admin API. Only a SHA-256 of each token is stored; the
-- token itself is shown once, when the user is created.
CREATE TABLE admin_user (
    name        text        PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9._-]{1,63}$'),
    token_hash  char(64)    NOT NULL UNIQUE,
    role        text        NOT NULL CHECK (role IN ('finance', 'operations')),
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
