#!/usr/bin/env bash
# Browser end-to-end tests: builds Dateline, indexes the seeds and the format fixtures into a temp
# index, serves it on port 7171 (CORS allowing a partner page on 127.0.0.1:7172, a write key and a
# scoped read key), installs playwright-core (npm ci) and runs the tests in e2e/tests/ in Debian's
# headless Chromium. Fails loudly: any failed step or test exits non-zero with the server's log.
#
#   e2e/run.sh                 run the tests
#   e2e/run.sh --screenshots   also save the screenshots shown in README.md and docs/page.md under docs/
#   E2E_TESTS="tests/7-forgives.test.js" e2e/run.sh   only these test files (E2E_PORT, E2E_OTHER_PORT
#                              and E2E_WATCH_PORT move the servers off 7171-7173)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

port="${E2E_PORT:-7171}"
other_port="${E2E_OTHER_PORT:-7172}"
watch_port="${E2E_WATCH_PORT:-7173}" # a second server that indexes (serve --watch): alerts
shots=""
if [ "${1:-}" = "--screenshots" ]; then shots="$root/docs"; fi

fail() { echo "e2e: FAILED: $*" >&2; exit 1; }

chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium" ] || fail "no chromium on PATH; install Debian's: apt-get install -y chromium"
command -v node >/dev/null || fail "no node; install it: apt-get install -y nodejs npm"
for p in "$port" "$other_port" "$watch_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then fail "port $p is already in use"; fi
done

work="$(mktemp -d)"
server_pid=""
watch_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$watch_pid" ]; then kill "$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "e2e: installing playwright-core (npm ci)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci"

echo "e2e: indexing seeds/ and the format fixtures into $work/index"
./dateline index seeds src/test/resources/fixtures --index "$work/index" >"$work/index.log" 2>&1 \
  || { cat "$work/index.log" >&2; fail "indexing"; }
# progress written to a file is plain lines: no terminal colour codes or redraws
if grep -q $'[\x1b\r]' "$work/index.log"; then cat -v "$work/index.log" >&2; fail "terminal codes in a log"; fi
grep -E '^Indexed' "$work/index.log" || true

write_key="e2e-write-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
read_key="e2e-read-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
cat >"$work/read-keys.json" <<JSON
{"keys": [{"name": "partner-mem-feb-2019", "key": "$read_key",
           "outlet": ["Middle East Monitor"], "from": "2019-02-01", "to": "2019-02-28"}]}
JSON

echo "e2e: serving on http://127.0.0.1:$port"
DATELINE_WRITE_KEYS="$write_key" ./dateline serve --index "$work/index" --port "$port" \
  --cors "http://127.0.0.1:$other_port" --read-keys-file "$work/read-keys.json" \
  >"$work/server.log" 2>&1 &
server_pid=$!
mkdir -p "$work/drop"
DATELINE_WRITE_KEYS="$write_key" ./dateline serve --index "$work/watch-index" --port "$watch_port" \
  --watch "$work/drop" --no-entities >"$work/watch-server.log" 2>&1 &
watch_pid=$!
for _ in $(seq 1 600); do # the first serve after a build trains its start-up cache first
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; fail "the server stopped"; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null || { cat "$work/server.log" >&2; fail "the server did not start"; }
for _ in $(seq 1 600); do # the first serve after a build trains its start-up cache first
  if curl -fsS "http://127.0.0.1:$watch_port/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "$watch_pid" 2>/dev/null || { cat "$work/watch-server.log" >&2; fail "the watch server stopped"; }
  sleep 1
done

echo "e2e: running the browser tests in $chromium"
status=0
(cd "$here" && CHROMIUM="$chromium" DATELINE_URL="http://127.0.0.1:$port" OTHER_ORIGIN_PORT="$other_port" \
  E2E_WRITE_KEY="$write_key" E2E_READ_KEY="$read_key" SCREENSHOT_DIR="$shots" \
  DATELINE_WATCH_URL="http://127.0.0.1:$watch_port" E2E_WATCH_DIR="$work/drop" \
  node --test --test-concurrency=1 --test-reporter=spec ${E2E_TESTS:-tests/}) || status=$?
if [ "$status" -ne 0 ]; then
  echo "e2e: server log:" >&2
  sed 's/^/  /' "$work/server.log" >&2
  echo "e2e: watch server log:" >&2
  sed 's/^/  /' "$work/watch-server.log" >&2
  if grep -qF -e "$write_key" -e "$read_key" "$work/server.log"; then echo "e2e: a key appears in the server log" >&2; fi
  fail "browser tests"
fi
if grep -qF -e "$write_key" -e "$read_key" "$work/server.log" "$work/watch-server.log"; then fail "a key appears in the server log"; fi
echo "e2e: all browser tests passed"
