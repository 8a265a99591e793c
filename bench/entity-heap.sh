#!/usr/bin/env bash
# The heap a server keeps for the entity list: serves INDEX with the build in BUILD_DIR (a checkout
# with target/ built, e.g. by `./dateline build`), warms a search, then reads the used heap after a
# full GC before and after the first /api/entities and /api/entities/{id} requests.
#   bench/entity-heap.sh BUILD_DIR INDEX PORT
set -euo pipefail
build="$(readlink -f "$1")"; index="$(readlink -f "$2")"; port="$3"
(cd "$build" && DATELINE_HEAP=1g exec ./dateline serve --index "$index" --port "$port" >/dev/null 2>&1) &
pid=$!
jcmd="$(cd "$build" && ./dateline jdk)/bin/jcmd"
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/api/search?q=oil" >/dev/null && break
  sleep 1
done
used() {
  "$jcmd" "$pid" GC.run >/dev/null
  sleep 1
  "$jcmd" "$pid" GC.heap_info | sed -n "s/.*garbage-first heap.* used \([0-9]*\)K.*/\1/p" | head -1
}
before="$(used)"
t0=$(date +%s%N)
id="$(curl -sf "http://127.0.0.1:$port/api/entities?limit=1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')"
t1=$(date +%s%N)
curl -sf "http://127.0.0.1:$port/api/entities/$id" >/dev/null
t2=$(date +%s%N)
curl -sf "http://127.0.0.1:$port/api/entities?prefix=oil&limit=10" >/dev/null
t3=$(date +%s%N)
after="$(used)"
echo "used heap after GC: before $((before / 1024)) MB, after $((after / 1024)) MB," \
  "entities kept: $(((after - before) / 1024)) MB; first /api/entities $(((t1 - t0) / 1000000)) ms," \
  "/api/entities/{id} $(((t2 - t1) / 1000000)) ms, a second list $(((t3 - t2) / 1000000)) ms"
