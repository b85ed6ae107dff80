-- Finance's decisions on inbound files that the ingest job cannot decide alone: a new version of a
-- known name waits HELD until someone releases it (to be loaded by the next ingest run) or rejects
-- it; a file stuck LOADING (e.g. changed on the server since it was recorded) can be rejected once
-- no execution is loading it. Append-only: who, when, why, and the status it was taken from.
CREATE TABLE ingested_file_review (
    id          bigserial   PRIMARY KEY,
    file_id     bigint      NOT NULL REFERENCES ingested_file (id),
    action      text        NOT NULL CHECK (action IN ('RELEASE', 'REJECT')),
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    actor       text        NOT NULL CHECK (actor <> ''),
    note        text        NOT NULL CHECK (note <> ''),
    at          timestamptz NOT NULL
);
CREATE INDEX ingested_file_review_file_idx ON ingested_file_review (file_id);
