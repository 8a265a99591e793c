#!/usr/bin/env bash
# The top-50 values of the person, organization and place facets of an index as TSV (facet, rank,
# value, articles), read from a `dateline serve` started on that index for the purpose (stopped by
# its PID at the end). What docs/entity-judgements-issue-13.tsv judges, one line per value.
#   bench/entity-top50.sh INDEX [PORT]
# With --contexts N, what a judge reads instead: after each value, the outlets its articles come
# from and up to N of its mentions in their sentences (the written form, the stored text around it
# and the article's title), taken from up to N articles spread over its hits.
#   bench/entity-top50.sh --contexts 6 INDEX [PORT]
set -euo pipefail
contexts=0
if [ "${1:-}" = --contexts ]; then
  contexts="$2"
  shift 2
fi
index="$(readlink -f "$1")"; port="${2:-7391}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp /tmp/entity-top50-XXXX.log)"
cd "$here"
# a generous search time limit: the judging queries ask for 40 hits and their outlets at once
./dateline serve --index "$index" --port "$port" --web none --search-timeout-ms 120000 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$port/api/health" >/dev/null && break
  sleep 1
done
api="http://localhost:$port/api"
top="$(curl -sf "$api/search?size=1&facet_size=50" | jq -r '
  .facets | to_entries[] | select(.key == "person" or .key == "organization" or .key == "place")
  | .key as $facet | .value | to_entries[] | [$facet, (.key + 1), .value.value, .value.count] | @tsv')"
if [ "$contexts" = 0 ]; then
  printf '%s\n' "$top"
  exit 0
fi
while IFS=$'\t' read -r facet rank value count; do
  printf '\n== %s %s %s (%s articles)\n' "$facet" "$rank" "$value" "$count"
  filter="$facet=$(jq -rn --arg v "$value" '$v | @uri')"
  hits="$(curl -sf "$api/search?$filter&size=40&facet_size=8&kwic=0")"
  jq -r '"   outlets: " + ([.facets.outlet[] | "\(.value) \(.count)"] | join(", "))' <<<"$hits"
  total="$(jq '.hits | length' <<<"$hits")"
  step=$(((total + contexts - 1) / contexts))
  [ "$step" -ge 1 ] || step=1
  for id in $(jq -r --argjson s "$step" '[.hits | to_entries[] | select(.key % $s == 0)
      | .value.id] | .[]' <<<"$hits"); do
    curl -sf "$api/documents/$id" | jq -r --arg v "$value" --arg t "$facet" '
      .title as $title | .text as $text
      | [.mentions[] | select(.canonical == $v and .type == $t)][0]
      | select(. != null)
      | "   [\(.text)] " + ($text[([.start - 90, 0] | max):(.end + 60)] | gsub("\\s+"; " "))
        + "  <" + ($title // "" | .[0:50]) + ">"'
  done
done <<<"$top"
