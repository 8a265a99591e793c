#!/usr/bin/env bash
# Interleaved ingest A/B: the same `dateline bench ingest` in two source trees, alternating, each with
# a JFR recording (GC pauses, lock waits, CPU samples) and the JVM's CPU time, which is less
# sensitive to other load than the wall time; the load average is printed with each run.
#   bench/ingest-ab.sh TREE_A TREE_B WORK ROUNDS -- BENCH-INGEST-ARGS...
# e.g. git worktree add ../wt-base 3fed42b
#      bench/ingest-ab.sh ../wt-base . /tmp/ab 2 -- TXT50K --no-entities
set -euo pipefail
a="$(cd "$1" && pwd)"; b="$(cd "$2" && pwd)"; work="$3"; rounds="$4"; shift 4
[ "${1:-}" = -- ] && shift
mkdir -p "$work"
for round in $(seq "$rounds"); do
  for tree in "$a" "$b"; do
    side="$(basename "$tree")-$round"
    echo "== $side load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/summary"
    (cd "$tree" &&
      JDK_JAVA_OPTIONS="-XX:StartFlightRecording=settings=profile,filename=$work/$side.jfr" \
        /usr/bin/time -f "cpu_user %U s cpu_sys %S s wall %e s" -o "$work/$side.time" \
        ./dateline bench ingest "$@" --json "$work/$side.json" >"$work/$side.log" 2>&1)
    grep -E '^\| [0-9,]+ \|' "$work/$side.log" | tee -a "$work/summary"
    tee -a "$work/summary" <"$work/$side.time"
    echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/summary"
  done
done
echo "JFR per run: jfr view gc-pauses|contention-by-site|hot-methods $work/<side>.jfr"
