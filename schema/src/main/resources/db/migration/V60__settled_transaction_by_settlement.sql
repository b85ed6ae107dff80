-- settled_transaction is read a whole statement at a time (view settlement_statement_line, the
-- settle job's check, the API and the CLI), and every reader sorts the statement by line number
-- after the view's union with the fee lines and settlement_line. No reader asks for a range of line
-- numbers, so the index needs the settlement id only. With one key per settlement, PostgreSQL's
-- B-tree deduplication stores each settlement's rows as posting lists: 7 MB for a million-payment
-- day instead of 70 MB (115 MB as the settle step writes it, pairs interleaved), and the settle
-- step's COPY of 1,065,367 rows (with the primary key) took 8.5–10.1 s instead of 11.3–11.7 s
-- (heap alone 2.5 s; the machine of the eleventh session, bench/README.md).
DROP INDEX settled_transaction_statement_idx;
CREATE INDEX settled_transaction_settlement_idx ON settled_transaction (settlement_id);
