#!/usr/bin/env bash
# What mapping the start-up cache costs a JVM, with the launcher's way of mapping it and with the
# JDK's default (the cache moved to a random address, every pointer in it rewritten):
#   bench/cache-map-cpu.sh [runs]
# Starts `java -version` with the launcher's JVM flags and class path and target/dateline.aot, runs
# alternating, and prints the CPU ms (task-clock, from perf stat) of each start and the load average.
# Needs perf, a JDK 25 (./dateline jdk) and a trained cache (./dateline startup-cache).
set -euo pipefail
runs="${1:-8}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
java="$(./dateline jdk)/bin/java"
props=src/main/resources/org/dateline/config/jvm.properties
# shellcheck disable=SC2207 # the flags are words
flags=($(sed -n 's/^jvm.flags=//p' "$props"))
cp="target/dateline.jar:$(set -- target/lib/picocli-*.jar && echo "$1"):target/lib/*"
[ -f target/dateline.aot ] || { echo "no target/dateline.aot: run ./dateline startup-cache" >&2; exit 1; }
cpu_ms() {
  perf stat -x, -e task-clock "$java" "${flags[@]}" -XX:AOTCache=target/dateline.aot -Xlog:aot=off \
    -Xlog:cds=off "$@" -cp "$cp" -version 2>&1 >/dev/null | sed -n 's/^\([0-9]*\)[.,].*task-clock.*/\1/p'
}
fixed="" moved=""
for _ in $(seq "$runs"); do
  fixed="$fixed $(cpu_ms -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0)"
  moved="$moved $(cpu_ms)"
done
echo "cache mapped where written (launcher): CPU ms$fixed"
echo "cache moved (JDK default):             CPU ms$moved"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
