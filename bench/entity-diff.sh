#!/usr/bin/env bash
# The articles whose person / organization / place values differ between two indices of the same
# files (built by two versions of Dateline), read from `/api/export?format=jsonl` of a `dateline
# serve` started on each in turn (stopped by its PID). Prints one line per differing article (path,
# id, the values only A has, only B has), then the count of articles and of differing ones per
# folder of the files. Exit 0 either way.
#   bench/entity-diff.sh INDEX_A INDEX_B [PORT]
set -euo pipefail
a="$(readlink -f "$1")"; b="$(readlink -f "$2")"; port="${3:-7392}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/entity-diff-XXXX)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$here"
export_of() {
  ./dateline serve --index "$1" --port "$port" --web none >"$work/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$port/api/health" >/dev/null && break
    sleep 1
  done
  curl -sf "http://localhost:$port/api/export?format=jsonl" \
    | jq -c '{key: (.path + "#" + .id), e: (.entities | map_values(sort))}' | sort >"$2"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}
export_of "$a" "$work/a"
export_of "$b" "$work/b"
jq -n -r --slurpfile A "$work/a" --slurpfile B "$work/b" '
  ($B | map({(.key): .e}) | add // {}) as $bm
  | [$A[] | . as $x | ($bm[$x.key] // null) as $y
     | {key: $x.key, folder: ($x.key | split("#")[0] | split("/") | if length > 1 then .[:-1] | join("/") else "." end), a: $x.e, b: $y}
     | . + {differs: (.a != .b)}] as $rows
  | ($rows[] | select(.differs) | .a as $a | .b as $b
     | [.key]
       + [["person", "organization", "place"][] as $t
          | "\($t) -\(($a[$t] // []) - ($b[$t] // []))" + " +\((($b // {})[$t] // []) - ($a[$t] // []))"]
     | join("\t")),
    "",
    ($rows | group_by(.folder)[]
     | "\(.[0].folder)\t\(length) articles\t\(map(select(.differs)) | length) differ")'
