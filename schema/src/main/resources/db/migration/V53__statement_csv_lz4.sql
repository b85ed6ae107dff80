-- A settlement's statement CSV is stored whole (it is what the checksum covers): ~2.3 MB per
-- 10,000 items, 230 MB for a million-payment day. PostgreSQL's default pglz compression of a
-- 23 MB statement took 409 ms of server time, lz4 187 ms (reading back: 137 vs 114 ms), at about
-- the same size. A server built without lz4 (the embedded test server is one) keeps pglz.
DO $$
BEGIN
    ALTER TABLE settlement ALTER COLUMN statement_csv SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'this PostgreSQL has no lz4: settlement statements stay pglz-compressed';
END $$;
