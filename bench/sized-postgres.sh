#!/usr/bin/env bash
# A second PostgreSQL server for the benchmarks, with a buffer pool and WAL sized for the data
# instead of the packaged defaults (shared_buffers 128 MB, max_wal_size 1 GB):
#   bench/sized-postgres.sh start [DATA_DIR]   (default /var/tmp/settle-bench-pg; port 5433)
#   bench/sized-postgres.sh stop  [DATA_DIR]
# then: SETTLE_PG_PORT=5433 bench/pipeline.sh 10000000 1000000
# Needs a PostgreSQL server installation (Debian: postgresql, binaries in /usr/lib/postgresql/N/bin);
# run as root it runs the server as the postgres user. Nothing of the machine's own server changes.
set -euo pipefail
action="${1:?start or stop}"
data="${2:-/var/tmp/settle-bench-pg}"
port="${SETTLE_BENCH_PG_PORT:-5433}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }

case "$action" in
  start)
    if [ ! -f "$data/PG_VERSION" ]; then
      mkdir -p "$data"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
      as_pg "$bin/initdb -D '$data' -A trust -U postgres --locale=C.UTF-8 -E UTF8" >/dev/null
      # shared_buffers a quarter of memory, as PostgreSQL's own tuning guidance has it; WAL large
      # enough that no checkpoint falls inside a night's run (each checkpoint makes the next write
      # to every page log the whole page). Autovacuum off as on the machine's server, so both
      # servers differ only in these sizes.
      mem_mb=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
      cat >> "$data/postgresql.conf" <<EOF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
shared_buffers = $((mem_mb / 4))MB
max_wal_size = 16GB
checkpoint_timeout = 30min
maintenance_work_mem = 1GB
autovacuum = off
EOF
    fi
    as_pg "$bin/pg_ctl -D '$data' -l '$data/server.log' -w start" >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -Atc "SHOW shared_buffers; SHOW max_wal_size" | paste -sd' ' \
      | sed "s/^/PostgreSQL on 127.0.0.1:$port: shared_buffers, max_wal_size = /"
    ;;
  stop)
    as_pg "$bin/pg_ctl -D '$data' -w stop" >/dev/null
    ;;
  *) echo "usage: $0 start|stop [DATA_DIR]" >&2; exit 2 ;;
esac
