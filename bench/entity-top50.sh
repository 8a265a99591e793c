#!/usr/bin/env bash
# The top-50 values of the person, organization and place facets of an index as TSV (facet, rank,
# value, articles), read from a `dateline serve` started on that index for the purpose (stopped by
# its PID at the end). What docs/entity-judgements-issue-13.tsv judges, one line per value.
#   bench/entity-top50.sh INDEX [PORT]
set -euo pipefail
index="$(readlink -f "$1")"; port="${2:-7391}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log="$(mktemp /tmp/entity-top50-XXXX.log)"
cd "$here"
./dateline serve --index "$index" --port "$port" --web none >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$port/api/health" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$port/api/search?size=1&facet_size=50" | jq -r '
  .facets | to_entries[] | select(.key == "person" or .key == "organization" or .key == "place")
  | .key as $facet | .value | to_entries[] | [$facet, (.key + 1), .value.value, .value.count] | @tsv'
