#!/usr/bin/env bash
# In-process CPU per request, by request kind, of a mix searched on one index (issue 20; a build's
# search path measured without HTTP, by thread CPU, which load disturbs far less than latency):
#   bench/query-cpu.sh INDEX [WARM] [ROUNDS] [KIND]     (MIX default bench/mix-reuters.txt)
# e.g. bench/query-cpu.sh /tmp/ridx 3 5 wildcard. For an A/B, run it from a checkout of each build,
# alternating, on copies of one index.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="$(./dateline jdk)"
[ -f target/dateline-bench.jar ] || ./dateline build
exec "$jdk/bin/java" -Xmx1g -cp "target/dateline-bench.jar:target/dateline.jar:target/lib/*" \
  bench/query-cpu/QueryCpu.java "$1" "${MIX:-bench/mix-reuters.txt}" "${2:-3}" "${3:-5}" ${4:+"$4"}
