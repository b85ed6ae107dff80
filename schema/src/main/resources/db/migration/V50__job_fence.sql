-- Fencing for job locks. A job lock (Redis, per job + business date) comes with a fencing token
-- from a Redis counter that only grows. The node that takes a lock raises the lock's row here to
-- its token; every transaction that commits business data checks, inside that transaction, that
-- the row still holds its own token (SELECT ... FOR SHARE). A node whose lock expired (GC pause,
-- partition) and was taken by another therefore cannot commit afterwards, even if it never learns
-- that it lost the lock.
CREATE TABLE job_fence (
    lock_name   text        PRIMARY KEY,
    token       bigint      NOT NULL CHECK (token > 0),
    holder      text        NOT NULL,
    claimed_at  timestamptz NOT NULL
);
