#!/usr/bin/env bash
# Where one server start's CPU goes, up to its first answer:
#   bench/startup-trace.sh INDEX [port] [more JVM options]
# Starts `./dateline serve` on INDEX with the start-up trace on (config/StartupTrace), asks `q=said`
# every 20 ms until it answers 200, then prints the wall ms from the start, the JVM's CPU ms and the
# load average; the launcher's wall ms and CPU ms before the JVM started; then the CPU ms of each
# live thread at that moment (the JIT's compiler threads, GC, main; threads that had ended by then,
# such as the index opener, are not listed), then the trace's
# steps (wall ms since the JVM started, process CPU ms, step, thread). Stops the server by its PID.
# Needs curl and Linux's /proc. Extra JVM options reach the server through JDK_JAVA_OPTIONS.
set -euo pipefail
index="${1:?usage: bench/startup-trace.sh INDEX [port] [JVM options]}"
port="${2:-7486}"
extra="${3:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ticks="$(getconf CLK_TCK)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
t0="$(date +%s%N)"
JDK_JAVA_OPTIONS="-Dorg.slf4j.simpleLogger.log.org.dateline.startup=info $extra" DATELINE_HEAP=1g \
  "$here/dateline" serve --index "$index" --port "$port" --web none >"$log" 2>&1 &
launcher=$!
# the server stops whatever ends this script (a reader that closed the pipe, such as `| head -1`)
trap 'kill -TERM "$launcher" 2>/dev/null || true; rm -f "$log"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/search?q=said")" = 200 ]; do
  kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.02
done
t1="$(date +%s%N)"
jvm="$(pgrep -P "$launcher" java)"
read -r -a stat <"/proc/$jvm/stat"
read -r -a lstat <"/proc/$launcher/stat"
echo "first answer $(((t1 - t0) / 1000000)) ms, JVM CPU $(((stat[13] + stat[14]) * 1000 / ticks)) ms, load $(cut -d' ' -f1 /proc/loadavg)"
# the launcher's own CPU and that of the programs it ran and waited for (its cutime and cstime), all
# before the JVM started; and the JVM's start after the launcher's (start times in clock ticks)
echo "launcher before the JVM: $(((stat[21] - lstat[21]) * 1000 / ticks)) ms, CPU $(((lstat[13] + lstat[14] + lstat[15] + lstat[16]) * 1000 / ticks)) ms"
for t in /proc/"$jvm"/task/*; do
  st="$(cat "$t/stat" 2>/dev/null)" || continue
  read -r -a f <<<"${st##*) }" # the fields after the thread's name, which may hold spaces
  echo "$(((f[11] + f[12]) * 1000 / ticks)) $(cat "$t/comm")"
done | sort -rn | awk '$1 > 0 { printf "%s%s ms %s", (n++ ? "; " : "threads: "), $1, substr($0, length($1) + 2) } END { print "" }'
kill -TERM "$launcher"
wait "$launcher" 2>/dev/null || true
grep -o '[0-9]* ms since start.*' "$log" || true
