#!/usr/bin/env bash
# Whole `bench ingest` runs of two builds, alternating (A B A B ...), each into a kept index:
#   bench/ingest-ab.sh TREE_A TREE_B [ROUNDS=3] [OUT=/tmp/ingest-ab] [CORPUS=<abs. path of Reuters sgm>]
# Each tree must be built (./mvnw -o package -DskipTests) before: a launcher that builds inside a
# run would time the build. Both read the corpus by the same absolute path, since article ids and
# stored paths derive from it, so the two indexes can be compared article by article afterwards.
# Prints one line per run: whole-run articles/s, entity pass and after-pass seconds, process CPU
# (user + sys) and CPU ms per article, load average at the start.
set -euo pipefail
a="$(cd "$1" && pwd)"
b="$(cd "$2" && pwd)"
rounds="${3:-3}"
out="${4:-/tmp/ingest-ab}"
corpus="${5:-$(cd "$(dirname "$0")/../../shared/corpus/reuters21578/sgm" && pwd)}"
mkdir -p "$out"
for i in $(seq 1 "$rounds"); do
  for side in A B; do
    tree="$a"
    [ "$side" = B ] && tree="$b"
    run="$out/$side-$i"
    rm -rf "$run.idx"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    (cd "$tree" && DATELINE_AOT=off /usr/bin/time -f "cpu %U %S" ./dateline bench ingest "$corpus" \
      --keep-index "$run.idx" --json "$run.json" >"$run.out" 2>&1)
    read -r user sys < <(sed -n 's/^cpu //p' "$run.out" | tail -1)
    field() { sed -n "s/^ *\"$1\" : \([0-9.]*\).*/\1/p" "$run.json"; }
    whole="$(field whole_articles_per_second)"
    pass="$(field entity_pass_ms)"
    after="$(field after_pass_ms)"
    articles="$(field articles)"
    awk -v s="$side" -v i="$i" -v w="$whole" -v p="$pass" -v af="$after" -v u="$user" -v y="$sys" \
      -v n="$articles" -v l="$load" 'BEGIN { printf "%s%d whole %.0f articles/s, pass %.1f s, after %.1f s, CPU %.1f s (%.2f ms/article), load %s\n", s, i, w, p / 1000, af / 1000, u + y, 1000 * (u + y) / n, l }'
  done
done
