#!/usr/bin/env bash
# Issue 18, done-means 5: what the language work costs. For two built source trees, alternating
# (A, B, A, B, ...): index Reuters-21578 without entities into a fresh index (articles per second of
# wall time, and the JVM's CPU seconds, less sensitive to other load), the index's size on disk,
# and the in-process Reuters query mix (`dateline bench`, bench/queries.txt of tree B for both)
# with its p50 and p99. The load average is printed beside every run: figures are comparable only
# from a quiet machine. Both trees must have been built (`./dateline build`).
#
#   bench/language-cost-ab.sh TREE_BEFORE TREE_AFTER WORK ROUNDS
# e.g. git worktree add ../wt-before-lang ad06cd5 && (cd ../wt-before-lang && ./dateline build)
#      bench/language-cost-ab.sh ../wt-before-lang . /tmp/lang-ab 3
# ad06cd5 is main just before the first language commit (2d86132). KEEP_INDEXES=1 keeps an index a
# run left (and its index figures) and reruns the query mix only. A search may take 60 s (a
# loaded machine passes the default 5 s limit, which would end the run).
set -euo pipefail
a="$(cd "$1" && pwd)"; b="$(cd "$2" && pwd)"; work="$3"; rounds="$4"
corpus="$b/../shared/corpus/reuters21578/sgm"
queries="$b/bench/queries.txt"
[ -d "$corpus" ] || { echo "no $corpus: the comparison needs the shared corpus" >&2; exit 1; }
mkdir -p "$work"
summary="$work/summary.tsv"
[ -f "$summary" ] || printf 'run\tload_before\tarticles\tindex_wall_s\tarticles_per_s\tindex_cpu_s\tindex_bytes\tp50_ms\tp99_ms\tqueries_cpu_s\n' >"$summary"
for round in $(seq "$rounds"); do
  for tree in "$a" "$b"; do
    side="$(basename "$tree")-$round"
    index="$work/$side.index"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    if [ "${KEEP_INDEXES:-0}" != 1 ] || [ ! -s "$work/$side.index-time" ]; then
      rm -rf "$index"
      (cd "$tree" && /usr/bin/time -f '%U %S %e' -o "$work/$side.index-time" \
        ./dateline index "$corpus" --index "$index" --no-entities --quiet >"$work/$side.index-log" 2>&1)
    fi
    articles="$(grep -oE '[0-9]+ articles in' "$work/$side.index-log" | grep -oE '^[0-9]+')"
    read -r user sys wall <"$work/$side.index-time"
    bytes="$(du -sb "$index" | cut -f1)"
    (cd "$tree" && /usr/bin/time -f '%U %S %e' -o "$work/$side.query-time" \
      ./dateline bench --index "$index" --queries "$queries" --passes 5 --warmup 3 --search-timeout-ms 60000 \
        --json "$work/$side.query.json" >"$work/$side.query-log" 2>&1)
    read -r quser qsys _ <"$work/$side.query-time"
    p50="$(grep -oE '"p50_?[mM]s" *: *[0-9.]+' "$work/$side.query.json" | grep -oE '[0-9.]+$')"
    p99="$(grep -oE '"p99_?[mM]s" *: *[0-9.]+' "$work/$side.query.json" | grep -oE '[0-9.]+$')"
    awk -v r="$side" -v l="$load" -v n="$articles" -v w="$wall" -v u="$user" -v s="$sys" -v by="$bytes" \
      -v p50="$p50" -v p99="$p99" -v qu="$quser" -v qs="$qsys" 'BEGIN {
        printf "%s\t%s\t%d\t%.1f\t%.1f\t%.1f\t%d\t%s\t%s\t%.1f\n", r, l, n, w, n / w, u + s, by, p50, p99, qu + qs
      }' | tee -a "$summary"
  done
done
echo "summary: $summary (index logs, query logs and JSON beside it)"
