#!/usr/bin/env bash
# Attacks a Dateline server from outside with tools the project did not write (issue: session 14,
# docs/attack-session-14.md): openapi-fuzzer-core (requests from /api/openapi.json), fast-check
# (property attacks), hand-made hostile requests and raw sockets (bench/attack/attack.mjs), the
# hostile files of ../shared/corpus/formats-tika uploaded one by one, and @apideck/portman's contract
# tests and fuzzing variations of /api/openapi.json sent by newman (bench/attack/contract.mjs). The npm tools are installed
# into a temporary folder at run time, never into the repository. Needs node >= 20 and a build
# (./mvnw -q -B -o package -DskipTests).
#
#   bench/attack.sh                      # seeds index, port 7601, quick runs (a few minutes)
#   bench/attack.sh --full               # the Reuters-21578 index (built once under $WORK), full
#                                        # runs, and the 76 files of formats-tika uploaded
#   ATTACK_INDEX=DIR bench/attack.sh     # an index of yours (copied first: the server writes to it)
#
# Exits 1 when a finding is printed: a hang, a 500, an error that is not JSON {error, message},
# an absolute path, stack frame or class name in a body, a search starved by slow clients, a read
# request that costs the server more than 2 s of CPU (ATTACK_CPU_MS; session 19's section "beyond":
# many filters, deep pages, long and repeated phrases, huge slops, absurd dates, concordances,
# every query parameter with wrong types, HEAD and OPTIONS), a fuzzed request answered below 400 or
# a 2xx that breaks its own schema (contract). ATTACK_ONLY=beyond (or contract, ...) runs one section.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
WORK=${ATTACK_WORK:-/tmp/dateline-attack}
# no start-up cache training for this throwaway server (minutes on a busy machine)
export DATELINE_AOT=${DATELINE_AOT:-off}
PORT=${ATTACK_PORT:-7601}
KEY=attack-write-key-$(date +%s)-0000
full=0
[ "${1:-}" = --full ] && full=1
mkdir -p "$WORK/npm" "$WORK/watch"

# 1. the tools, pinned, into the temporary folder
if [ ! -d "$WORK/npm/node_modules/fast-check" ] || [ ! -d "$WORK/npm/node_modules/openapi-fuzzer-core" ] ||
  [ ! -d "$WORK/npm/node_modules/@apideck/portman" ] || [ ! -d "$WORK/npm/node_modules/tslib" ]; then
  (cd "$WORK/npm" && { [ -f package.json ] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund --silent fast-check@4.11.0 openapi-fuzzer-core@1.0.6 \
      @apideck/portman@1.33.0 newman@6.2.2 tslib@2.9.1) # portman needs tslib but does not declare it
fi
cp bench/attack/attack.mjs bench/attack/contract.mjs "$WORK/npm/"

# 2. an index the server may write to (uploads, tags, alerts)
rm -rf "$WORK/index" "$WORK/index-uploads"
if [ -n "${ATTACK_INDEX:-}" ]; then
  cp -r "$ATTACK_INDEX" "$WORK/index"
elif [ "$full" = 1 ] && [ -d ../shared/corpus/reuters21578 ]; then
  [ -d "$WORK/reuters" ] || ./dateline index ../shared/corpus/reuters21578 --index "$WORK/reuters" >"$WORK/index.log" 2>&1
  cp -r "$WORK/reuters" "$WORK/index"
else
  ./dateline index seeds --index "$WORK/index" >"$WORK/index.log" 2>&1
fi

# 3. the server, stopped whatever happens
# A batch limit below the attack's 20 s deadline: a batch of slow lines must end within it.
DATELINE_WRITE_KEYS=$KEY ./dateline serve --index "$WORK/index" --port "$PORT" --web none \
  --watch "$WORK/watch" --batch-timeout-ms 10000 >"$WORK/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$PORT/api/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$WORK/serve.log"; exit 2; }
  sleep 1
done

# 4. the attack
quick=--quick
[ "$full" = 1 ] && quick=
files=${ATTACK_FILES:-} # a folder of hostile files to upload; --full: formats-tika (76 files, ~10 min)
[ "$full" = 1 ] && [ -z "$files" ] && [ -d ../shared/corpus/formats-tika ] &&
  files=$(cd ../shared/corpus/formats-tika && pwd)
status=0
# the server's JVM (the launcher's child), whose CPU each request is judged by
jpid=$(pgrep -P "$server" java | head -1 || true)
if [ "${ATTACK_ONLY:-}" != contract ]; then
  (cd "$WORK/npm" && ATTACK_SERVER_PID=${jpid:-$server} ATTACK_FILES=$files node attack.mjs "http://localhost:$PORT" "$KEY" $quick) || status=$?
fi
# 5. portman's contract tests and fuzzing variations of the OpenAPI document, sent by newman
if [ -z "${ATTACK_ONLY:-}" ] || [ "$ATTACK_ONLY" = contract ]; then
  c="$WORK/contract"
  rm -rf "$c" && mkdir -p "$c"
  (cd "$WORK/npm" && node contract.mjs prepare "http://localhost:$PORT" "$c" &&
    npx portman -l "$c/openapi.json" -b "http://localhost:$PORT" -c "$c/portman-config.json" \
      -o "$c/collection.json" >"$c/portman.log" 2>&1 &&
    { npx newman run "$c/collection.json" --env-var "apiKey=$KEY" --timeout-request 30000 \
      --reporters json --reporter-json-export "$c/newman.json" >"$c/newman.log" 2>&1 || true; } &&
    node contract.mjs judge "$c/newman.json") || status=1
fi
# the server must have logged no error of its own for any of it
if grep -E "ERROR|Exception in thread" "$WORK/serve.log" >/dev/null; then
  echo "FINDING server log: $(grep -c -E 'ERROR|Exception in thread' "$WORK/serve.log") error lines in $WORK/serve.log"
  status=1
fi
echo "attack: exit $status (server log: $WORK/serve.log; tools: $WORK/npm)"
cd "$here"
exit $status
