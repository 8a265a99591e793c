#!/usr/bin/env bash
# The recogniser's CPU seconds per 1,000 Reuters articles (one thread), two builds run AT THE SAME
# TIME, so both see the same machine load; ROUNDS rounds (default 3).
#   bench/ner-ab.sh BEFORE_TREE AFTER_TREE [ROUNDS] [-- ner-input options]
# e.g. bench/ner-ab.sh ../wt-c5554ff . 3
set -euo pipefail
before="$(cd "$1" && pwd)"
after="$(cd "$2" && pwd)"
rounds="${3:-3}"
shift $(( $# < 3 ? $# : 3 ))
[ "${1:-}" = "--" ] && shift
corpus="$(cd "$(dirname "$0")/.." && pwd)/../shared/corpus/reuters21578/sgm"
args=("$corpus/reut2-002.sgm" "$corpus/reut2-003.sgm" --warmup 500 "$@")
for side in "$before" "$after"; do (cd "$side" && ./dateline build >/dev/null); done
for round in $(seq 1 "$rounds"); do
  echo "round $round $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)"
  (cd "$before" && DATELINE_AOT=off ./dateline bench ner-input "${args[@]}" 2>/dev/null |
    grep '^| dateline' | sed 's/^/before /') &
  (cd "$after" && DATELINE_AOT=off ./dateline bench ner-input "${args[@]}" 2>/dev/null |
    grep '^| dateline' | sed 's/^/after  /') &
  wait
done
echo "end $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)"
