#!/usr/bin/env bash
# Cold whole runs of `bench ingest` (Reuters with entities by default), one fresh JVM each, under
# several JVM set-ups of one build, alternating round by round:
#   bench/ingest-cold-ab.sh [--together] ROUNDS OUT 'LABEL=COMMAND' 'LABEL=COMMAND' ...
# COMMAND is run from this tree with the benchmark's arguments appended, e.g.
#   'serve=./dateline bench ingest'  'off=DATELINE_AOT=off ./dateline bench ingest'
#   'huge=JDK_JAVA_OPTIONS=-XX:-DontCompileHugeMethods ./dateline bench ingest'
# (the tree must be built and its caches trained before: a launcher that builds or trains inside a
# run would time that). --together starts a round's runs at the same moment (on a shared machine
# they then meet the same load; on a quiet one leave it out). CORPUS=DIR for another corpus.
# Prints one line per run: whole-run wall and articles/s, process CPU (user + sys), the JIT's and
# the collector's threads' CPU, the run's end (deleted copies merged away; one segment), load.
set -euo pipefail
cd "$(dirname "$0")/.."
together=""
if [ "${1:-}" = --together ]; then together=1; shift; fi
rounds="$1"
out="$2"
shift 2
corpus="${CORPUS:-$(cd ../shared/corpus/reuters21578/sgm && pwd)}"
mkdir -p "$out"

one() { # label round command
  local run="$out/$1-$2"
  rm -rf "$run.idx"
  local load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  # time(1) runs a shell that runs COMMAND (which may begin with variable assignments)
  /usr/bin/time -f 'cpu %U %S %e' bash -c "$3 \"\$@\"" _ "$corpus" --keep-index "$run.idx" \
    --json "$run.json" >"$run.out" 2>&1 || { echo "$1-$2 failed: see $run.out"; return 0; }
  python3 - "$1-$2" "$run.json" "$run.out" "$load" <<'PY'
import json, re, sys
label, jf, of, load = sys.argv[1:5]
j = json.load(open(jf))
u, s, e = re.findall(r"^cpu ([0-9.]+) ([0-9.]+) ([0-9.]+)", open(of).read(), re.M)[-1]
t, c = j["tail"], j["cpu"]
print(f"{label}: whole {j['whole_ms']/1000:.1f} s ({j['whole_articles_per_second']:.0f}/s),"
      f" files {j['elapsed_ms']/1000:.1f} s, pass {j['entity_pass_ms']/1000:.1f} s,"
      f" after {j['after_pass_ms']/1000:.1f} s | CPU {float(u)+float(s):.1f} s"
      f" (JIT {c['jit_ms']/1000:.1f}, GC {c['gc_ms']/1000:.1f}) | end: reclaim {t['reclaim_ms']/1000:.1f} s"
      f" ({t['reclaim_cpu_ms']/1000:.1f} CPU), one segment {t['one_segment_ms']/1000:.1f} s"
      f" ({t['one_segment_cpu_ms']/1000:.1f} CPU) | JVM wall {e} s | load {load}")
PY
}

for i in $(seq 1 "$rounds"); do
  variants=("$@")
  # alternate the order round by round
  if [ $((i % 2)) = 0 ]; then
    mapfile -t variants < <(printf '%s\n' "$@" | tac)
  fi
  for v in "${variants[@]}"; do
    if [ -n "$together" ]; then
      one "${v%%=*}" "$i" "${v#*=}" &
    else
      one "${v%%=*}" "$i" "${v#*=}"
    fi
  done
  wait
done
