#!/usr/bin/env bash
# The whole scale benchmark of issue 5, start to finish, in one command:
#   bench/scale.sh [--articles N] [--work DIR]
# 1. Reuters-21578 through the full pipeline (Tika, dates, outlets, entities), by stage
# 2. plain-text ingest: 50,000 synthetic articles written as .txt files, no entity recogniser
# 3. the synthetic archive (N articles, default 1,000,000; fixed seed) and its first 100,000,
#    bulk-loaded into two indexes (index size against the raw text is printed)
# 4. the committed HTTP query mix against each index, at 1, 4, 8 and 16 clients
# 5. near-real-time visibility at 100 articles/s and 50 QPS: in process, then end to end
#    through 'serve --watch'
# Every step prints its table and writes JSON into DIR/results; the folder is kept for reruns.
# Needs ../shared/corpus (Reuters and BBC); about 40 minutes on a 2-core machine at N = 1,000,000,
# and 3 GB of disk. Run it on a quiet machine: other work on the same cores shows in every figure.
set -euo pipefail
cd "$(dirname "$0")/.."

articles=1000000
work=/tmp/dateline-scale
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "scale.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ ! -d ../shared/corpus/reuters21578 ] || [ ! -d ../shared/corpus/bbc-news ]; then
  echo "scale.sh: needs ../shared/corpus (reuters21578 and bbc-news) beside the repository" >&2
  exit 3
fi
small=$(( articles < 100000 ? articles : 100000 ))
out="$work/results"
mkdir -p "$out"
step() { echo; echo "== $(date -u +%H:%M:%S) $* (load $(cut -d' ' -f1 /proc/loadavg))"; }

step "1. Reuters-21578, full pipeline with entities"
rm -rf "$work/idx-reuters"
./dateline bench ingest --index "$work/idx-reuters" --json "$out/ingest-reuters.json"

step "2. plain-text ingest, 50,000 .txt files, no entities"
[ -d "$work/txt50k" ] || ./dateline bench generate --articles 50000 --as-text "$work/txt50k"
rm -rf "$work/idx-txt"
./dateline bench ingest "$work/txt50k" --no-entities --index "$work/idx-txt" \
  --json "$out/ingest-text.json"

step "3. synthetic archive: $articles articles, bulk load of $small and $articles"
[ -f "$work/syn.jsonl" ] || ./dateline bench generate --articles "$articles" --out "$work/syn.jsonl"
head -n "$small" "$work/syn.jsonl" > "$work/syn-small.jsonl"
./dateline bench load "$work/syn-small.jsonl" --index "$work/idx-small" --overwrite \
  --json "$out/load-small.json"
./dateline bench load "$work/syn.jsonl" --index "$work/idx-full" --overwrite \
  --json "$out/load-full.json"

step "4. HTTP query mix"
./dateline bench http --serve "$work/idx-small" --clients 1,4,8,16 --warmup-seconds 30 --warmup 3 \
  --json "$out/http-small.json"
./dateline bench http --serve "$work/idx-full" --clients 1,4,8,16 --warmup-seconds 30 --warmup 2 \
  --json "$out/http-full.json"

step "5. near-real-time, 100 articles/s and 50 QPS"
./dateline bench nrt --index "$work/idx-small" --rate 100 --qps 50 --seconds 30 \
  --json "$out/nrt-in-process.json"
./dateline bench nrt --http --index "$work/idx-small" --rate 100 --qps 50 --seconds 30 --warmup-seconds 30 \
  --no-entities --json "$out/nrt-http.json"

step "done: JSON in $out"
