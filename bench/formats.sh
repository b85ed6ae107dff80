#!/usr/bin/env bash
# Throughput and peak heap of the file-format codecs on 1M-row files (see bench/README.md).
# Usage: bench/formats.sh [rows]        (default 1000000)
# Builds file-formats' test classes, then runs dev.settle.formats.bench.FormatsBench, which runs
# each scenario in its own JVM (-Xmx256m; pain.001 -Xmx1g) and writes bench/results/formats.json.
# MVN_FLAGS defaults to -o (offline); set MVN_FLAGS= to let Maven download.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
flags="${MVN_FLAGS--o}"
cd "$here"
mvn() { if command -v mvn >/dev/null 2>&1; then command mvn "$@"; else "$here/mvnw" "$@"; fi; }

mvn $flags -q -pl file-formats -am test-compile -DskipTests >&2
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The test classpath: from the dependency plugin when it can run; otherwise (offline without the
# plugin's own dependencies) from the compiler's debug output, which lists the same entries.
if mvn $flags -q -pl file-formats dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file" >/dev/null 2>&1 && [ -s "$cp_file" ]; then
  cp="$here/file-formats/target/test-classes:$here/file-formats/target/classes:$(cat "$cp_file")"
else
  cp="$(mvn $flags -X -pl file-formats test-compile 2>/dev/null \
        | sed -n 's/.*(f) testPath = \[\(.*\)\]$/\1/p' | head -1 | sed 's/, /:/g')"
fi
[ -n "$cp" ] || { echo "formats.sh: could not build the test classpath" >&2; exit 2; }
exec java -Xmx256m -Dbench.rows="$rows" -cp "$cp" dev.settle.formats.bench.FormatsBench "$here/bench/results/formats.json"
