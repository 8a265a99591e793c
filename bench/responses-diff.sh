#!/usr/bin/env bash
# Two Dateline servers' answers to the same request mix, compared (issue 20: a change on the search
# hot path must leave every answer as it was):
#   bench/responses-diff.sh PORT_A PORT_B [MIX]     (MIX default bench/mix-reuters.txt)
# Sends each mix line (as `dateline bench peer` does: the query, then its parameters; `kind=` is a
# label and dropped) to both servers on 127.0.0.1, takes each answer without its timing field
# (took_ms) and prints the lines whose answers differ (and the first bytes where they part). Exit status 0 when all are identical.
set -euo pipefail
a="$1"; b="$2"; mix="${3:-bench/mix-reuters.txt}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
n=0; differ=0
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  n=$((n + 1))
  args=()
  IFS='|' read -r -a parts <<< "$line"
  args+=(--data-urlencode "q=$(echo "${parts[0]}" | sed 's/^ *//; s/ *$//')")
  for p in "${parts[@]:1}"; do
    p="$(echo "$p" | sed 's/^ *//; s/ *$//')"
    [[ "$p" == kind=* ]] || args+=(--data-urlencode "$p")
  done
  for side in a b; do
    port="$a"; [[ "$side" == b ]] && port="$b"
    curl -sfG "${args[@]}" "http://127.0.0.1:$port/api/search" | sed -E 's/"took_ms":[0-9]+,//' > "$out/$side.json"
  done
  if ! cmp -s "$out/a.json" "$out/b.json"; then
    differ=$((differ + 1))
    echo "differs: $line"
    cmp "$out/a.json" "$out/b.json" | head -1
  fi
done < "$mix"
echo "$((n - differ)) of $n answers identical"
[[ "$differ" -eq 0 ]]
