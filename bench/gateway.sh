#!/usr/bin/env bash
# Gateway benchmark (not a test): create-and-capture through the real API on loopback for
# $DURATION seconds with wrk, and pgbench's TPC-B-like workload on the same PostgreSQL before and
# after it as the reference (the higher of the two counts, so a busy moment cannot flatter the API). Writes bench/results/gateway-<UTC timestamp>.json. Needs wrk and pgbench
# (apt-get install -y wrk postgresql-client) and the local PostgreSQL/Redis (found or started).
#
#   bench/gateway.sh                 # 60 s each
#   DURATION=10 bench/gateway.sh     # a quick look
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
DURATION="${DURATION:-60}"
PORT="${PORT:-18181}"
CONNECTIONS="${CONNECTIONS:-8}"   # the same client concurrency as the pgbench reference (-c 8)
THREADS="${THREADS:-2}"
PGHOST="${SETTLE_PG_HOST:-127.0.0.1}"; PGPORT="${SETTLE_PG_PORT:-5432}"; PGUSER="${SETTLE_PG_USER:-postgres}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
db="settle_bench_${stamp,,}"
pgdb="pgbench_${stamp,,}"
out="$here/results/gateway-$stamp.json"
jar="$root/app/target/settle.jar"

command -v wrk >/dev/null || { echo "bench: wrk missing (apt-get install -y wrk)" >&2; exit 3; }
command -v pgbench >/dev/null || { echo "bench: pgbench missing (apt-get install -y postgresql-client)" >&2; exit 3; }
if [ ! -f "$jar" ]; then (cd "$root" && mvn -B -q -DskipTests -pl app -am package) >&2; fi

export SETTLE_DB_NAME="$db"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1 || true
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" postgres >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "CREATE DATABASE $pgdb" postgres
pgbench -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -i -q "$pgdb" >/dev/null 2>&1
echo "bench: pgbench TPC-B-like, ${DURATION}s, -c 8 -j 2 (before the API run)" >&2
pg_out="$(pgbench -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -c 8 -j 2 -T "$DURATION" "$pgdb" 2>&1)"
echo "$pg_out" >&2
pg_tps_before="$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)"

echo "bench: merchant in database $db" >&2
key="$(java -jar "$jar" merchants create --name bench --currency EUR --json 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret_key"])')"

# The rate limit is per merchant and this is one merchant at full speed, so it is lifted; the
# velocity rules stay on (every request uses a new card number).
java ${BENCH_JAVA_OPTS:--Xmx768m} -jar "$jar" serve --port "$PORT" \
  --spring-arg settle.gateway.rate-limit-per-second=0 > "$here/results/.server-$stamp.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "bench: API did not start" >&2; tail -50 "$here/results/.server-$stamp.log" >&2; exit 3; }

echo "bench: warm-up 10 s" >&2
SETTLE_BENCH_KEY="$key" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$here/create-capture.lua" "http://127.0.0.1:$PORT" >/dev/null
echo "bench: API create-and-capture, ${DURATION}s, $CONNECTIONS connections" >&2
wrk_out="$(SETTLE_BENCH_KEY="$key" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$here/create-capture.lua" "http://127.0.0.1:$PORT")"
echo "$wrk_out" >&2
api_json="$(echo "$wrk_out" | sed -n 's/^BENCH_JSON //p')"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

echo "bench: pgbench TPC-B-like, ${DURATION}s, -c 8 -j 2 (after the API run)" >&2
pg_out="$(pgbench -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -c 8 -j 2 -T "$DURATION" "$pgdb" 2>&1)"
echo "$pg_out" >&2
pg_tps_after="$(echo "$pg_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)"

python3 - "$out" "$api_json" "$pg_tps_before" "$pg_tps_after" "$DURATION" "$CONNECTIONS" "$(cat /proc/loadavg)" <<'PY'
import json, sys, os
out, api = sys.argv[1], json.loads(sys.argv[2])
pg_before, pg_after, duration, conns, loadavg = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
# The machine may be shared: the reference is the better of the two pgbench runs (the stricter ratio).
pg_tps = max(pg_before, pg_after)
ratio = api["throughput_rps"] / pg_tps if pg_tps else None
errors = api["socket_errors"] + api["non_201_responses"]
result = {
    "benchmark": "gateway create-and-capture (POST /v1/payments, capture=true, unique Idempotency-Key)",
    "duration_s": duration, "connections": conns, "cpus": os.cpu_count(),
    "api": api,
    "pgbench": {"workload": "TPC-B-like (pgbench -i, scale 1), -c 8 -j 2", "tps_before_api": pg_before,
                "tps_after_api": pg_after, "tps_reference": pg_tps},
    "loadavg_at_end": loadavg,
    "api_throughput_vs_pgbench": round(ratio, 3) if ratio else None,
    "aims": {"throughput_ratio_min": 0.6, "p99_ms_max": 50, "errors": 0},
    "aims_met": {"throughput": ratio is not None and ratio >= 0.6, "p99": api["latency_p99_ms"] <= 50, "errors": errors == 0},
}
with open(out, "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")
print(json.dumps(result, indent=2))
PY
echo "bench: wrote $out" >&2
