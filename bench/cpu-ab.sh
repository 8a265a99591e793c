#!/usr/bin/env bash
# Dateline servers compared by their own CPU time per request of a mix (issue 20; at load, where
# wall-clock latencies are noise, CPU per unit of work still compares):
#   bench/cpu-ab.sh ROUNDS NAME=PID:PORT NAME=PID:PORT ...   (MIX default bench/mix-reuters.txt)
# PID is the server's JVM (not a launcher script). One client, the requests of `bench peer`, the
# servers in turn, order reversed every other round; prints CPU ms per request and client p50.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="$(./dateline jdk)"
[ -f target/dateline-bench.jar ] || ./dateline build
exec "$jdk/bin/java" -cp "target/dateline-bench.jar:target/dateline.jar:target/lib/*" \
  bench/cpu-ab/CpuAb.java "${MIX:-bench/mix-reuters.txt}" "$@"
