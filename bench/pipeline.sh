#!/usr/bin/env bash
# Ingestion + reconciliation at scale (issues 5 and 6), next to their floors:
#   bench/pipeline.sh [PAYMENTS] [STATEMENT_ENTRIES]      (defaults: 1000000 1000000)
# Writes bench/results/pipeline-<PAYMENTS>.json. Uses PostgreSQL/Redis at 127.0.0.1 when they
# answer, else embedded ones; an in-process SFTP server plays the gateway and the bank.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn_cmd() { if command -v mvn >/dev/null 2>&1; then mvn "$@"; else ./mvnw "$@"; fi; }
mvn_cmd -B -q -DskipTests install
mvn_cmd -B -q -pl jobs dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# this checkout's own modules come from their target/ folders, never from ~/.m2 (which another
# checkout may have overwritten)
cp="jobs/target/test-classes:jobs/target/classes:$(tr ':' '\n' < jobs/target/bench.classpath \
  | sed -E 's#^.*/dev/settle/([a-z-]+)/[^/]+/[a-z-]+-[0-9A-Za-z.-]+-tests\.jar$#\1/target/test-classes#; s#^.*/dev/settle/([a-z-]+)/[^/]+/[a-z-]+-[0-9A-Za-z.-]+\.jar$#\1/target/classes#' \
  | paste -sd: -)"
java -Xmx${BENCH_HEAP:-512m} -cp "$cp" dev.settle.jobs.bench.PipelineBench "${1:-1000000}" "${2:-1000000}" bench/results
