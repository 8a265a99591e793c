#!/usr/bin/env bash
# Latency of the requests the web page and the widget send, against a running Dateline:
#   bench/page-latency.sh http://127.0.0.1:7171 [passes]
# For each query of QUERIES: the page's search (20 hits, 100 values per facet), the widget's search
# (5 hits, 2 KWIC lines, no facets), the concordance the page shows (2,000 lines sorted by the word
# left of the match), the whole concordance as CSV (up to 100,000 lines), and the document view of
# the first hit with its matches. Prints median and p99 (nearest rank) of curl's total time per
# request kind, in ms, after one warm-up pass. Needs curl, awk, sort.
set -euo pipefail
base="${1:?usage: bench/page-latency.sh BASE_URL [passes]}"
passes="${2:-20}"
QUERIES=(oil '"crude oil"' opec 'cocoa' 'bank* AND rate*' 'oil OR gas OR coal')

enc() { local s="$1" out="" c i; for ((i = 0; i < ${#s}; i++)); do c="${s:i:1}"
  case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; echo "$out"; }
time_ms() { curl -fsS -o /dev/null -w '%{time_total}\n' "$1" | awk '{printf "%.1f\n", $1 * 1000}'; }
first_id() { curl -fsS "$base/api/search?q=$1&size=1&facet_size=0&kwic=0" | sed -n 's/.*"hits":\[{"id":"\([^"]*\)".*/\1/p'; }

declare -A samples
run_pass() {
  local record="$1" q e id
  for q in "${QUERIES[@]}"; do
    e="$(enc "$q")"
    id="$(first_id "$e")"
    for kind in page widget concordance concordance_csv document; do
      case "$kind" in
        page) url="$base/api/search?q=$e&size=20&facet_size=100" ;;
        widget) url="$base/api/search?q=$e&size=5&kwic=2&facet_size=0" ;;
        concordance) url="$base/api/concordance?q=$e&order=left&limit=2000" ;;
        concordance_csv) url="$base/api/concordance?q=$e&order=left&limit=100000&format=csv" ;;
        document) url="$base/api/documents/$id?q=$e" ;;
      esac
      t="$(time_ms "$url")"
      if [ "$record" = 1 ]; then samples[$kind]+="$t "; fi
    done
  done
}

run_pass 0
for ((p = 0; p < passes; p++)); do run_pass 1; done
hits() { curl -fsS "$base/api/search?q=$(enc "$1")&size=1&facet_size=0&kwic=0" | sed -n 's/^{"total":\([0-9]*\).*/\1/p'; }
echo "queries (hits): $(for q in "${QUERIES[@]}"; do printf '%s (%s); ' "$q" "$(hits "$q")"; done)"
echo "passes: $passes, requests per kind: $(( passes * ${#QUERIES[@]} ))"
printf '%-16s %10s %10s %10s\n' request median_ms p99_ms max_ms
for kind in page widget concordance concordance_csv document; do
  echo "${samples[$kind]}" | tr ' ' '\n' | grep . | sort -n | awk -v k="$kind" '
    {v[NR] = $1} END {n = NR; m = v[int((n + 1) / 2)]; r = int(0.99 * n + 0.999); if (r < 1) r = 1;
      printf "%-16s %10.1f %10.1f %10.1f\n", k, m, v[r], v[n]}'
done
