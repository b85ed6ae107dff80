-- The balance check runs once per posting (deferred constraint triggers), and its two queries are
-- index probes on ledger_line (posting_id). Planned without fresh statistics on a ledger of
-- millions of lines (autovacuum off or behind), their estimated cost passes jit_above_cost and
-- PostgreSQL compiled them with LLVM on every call: posting 50,000 captures took over five
-- minutes instead of seconds (the 10M benchmark's generator stalled on it). JIT cannot pay off
-- for an index probe, so the function runs without it, whatever the statistics say.
ALTER FUNCTION ledger_assert_balanced(bigint) SET jit = off;
