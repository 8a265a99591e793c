#!/usr/bin/env bash
# Two Dateline servers' answers to the same request mix, compared (issue 20: a change on the search
# hot path must leave every answer as it was):
#   bench/responses-diff.sh PORT_A PORT_B [MIX]     (MIX default bench/mix-reuters.txt)
# Sends each mix line to both servers on 127.0.0.1 twice: as `dateline bench peer` does (the query
# in the body, q=body:(QUERY), size 10, kwic 3, then its parameters; `kind=` is a label and dropped)
# and with the query as typed (q=QUERY); takes each answer without its timing field (took_ms) and
# prints the requests whose answers differ (and the text where they part). Exit status 0 when all
# are identical. One Java client (about 80 s for the 2 x 1,209 requests of the mix at load 20).
set -euo pipefail
mix="$(realpath "${3:-$(dirname "$0")/mix-reuters.txt}")"
cd "$(dirname "$0")/.."
jdk="$(./dateline jdk)"
exec "$jdk/bin/java" bench/responses-diff/ResponsesDiff.java "$1" "$2" "$mix"
