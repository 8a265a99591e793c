#!/usr/bin/env bash
# Two builds' in-process CPU per request, by request kind, interleaved request by request in one JVM
# (issue 20: an A/B of the search path at load, where whole runs one after the other drift apart):
#   bench/query-cpu-ab.sh INDEX DIR_A DIR_B [WARM] [ROUNDS] [KIND]     (MIX default bench/mix-reuters.txt)
# DIR_A and DIR_B each hold a build's dateline.jar (e.g. a copy of target/ of each checkout); the
# libraries are this checkout's target/lib (the builds must agree on them). Prints, per kind, A's and
# B's µs per request and B/A, and how many answers differ between the builds (0 expected); then the
# same by filter shape, and the p50 / p90 / p99 of single requests' CPU. With INDEX_B=DIR in the
# environment, B searches DIR instead (the same articles in another layout; DIR_B may equal DIR_A).
# With OWN_LUCENE=1, each build reads the index through its own codec (a change to stored values).
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="$(./dateline jdk)"
[ -d target/lib ] || ./dateline build
exec "$jdk/bin/java" -Xmx2g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  bench/query-cpu/QueryCpuAb.java "$1" "${MIX:-bench/mix-reuters.txt}" "${4:-3}" "${5:-5}" "$2" "$3" ${6:+"$6"}
