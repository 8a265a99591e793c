#!/usr/bin/env bash
# Time to the first answer of an unpacked release archive (./dateline dist), with its start-up cache
# and without (DATELINE_AOT=off), runs alternating:
#   bench/release-startup.sh ARCHIVE_DIR INDEX [runs] [port]
# ARCHIVE_DIR is the unpacked archive (it has runtime/ and lib/). Each run starts `dateline serve`,
# asks `q=said` every 50 ms until it answers 200, then prints the wall ms from the start, the JVM's
# CPU ms at that moment (user + system from /proc) and the load average, and stops the server by its
# PID. `bench startup` does the same for a source checkout; this is for the archive, which has no
# bench jar. Needs curl and Linux's /proc.
set -euo pipefail
rel="${1:?usage: bench/release-startup.sh ARCHIVE_DIR INDEX [runs] [port]}"
index="${2:?usage: bench/release-startup.sh ARCHIVE_DIR INDEX [runs] [port]}"
runs="${3:-3}"
port="${4:-7488}"
ticks="$(getconf CLK_TCK)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

one() { # $1: on or off
  local t0 t1 launcher jvm stat
  t0="$(date +%s%N)"
  DATELINE_AOT="$1" DATELINE_HEAP=1g "$rel/dateline" serve --index "$index" --port "$port" \
    --web none >"$log" 2>&1 &
  launcher=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/search?q=said")" = 200 ]; do
    kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  t1="$(date +%s%N)"
  jvm="$(pgrep -P "$launcher" java)"
  read -r -a stat <"/proc/$jvm/stat"
  printf '| %s | %d | %d | %s |\n' "$1" $(((t1 - t0) / 1000000)) \
    $(((stat[13] + stat[14]) * 1000 / ticks)) "$(cut -d' ' -f1 /proc/loadavg)"
  kill -TERM "$launcher"
  wait "$launcher" 2>/dev/null || true
}

echo "| start-up cache | first answer ms | JVM CPU ms | load avg |"
echo "|---|---|---|---|"
for _ in $(seq "$runs"); do
  one on
  one off
done
