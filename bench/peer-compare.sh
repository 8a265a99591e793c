#!/usr/bin/env bash
# Dateline vs the Solr peer on Reuters-21578, one command (issue 5):
#   bench/peer-compare.sh [--matched-analysis] [`dateline bench peer` options, e.g. --multiselect --warmup 10]
# Indexes the 21,578 stories into both engines (Solr: the peer's own indexer; Dateline: its reader
# and enricher with the corpus's PLACES/PEOPLE/ORGS codes as entities, through the bulk path), serves
# both with a 1 GB heap (Dateline on $DATELINE_PORT, default 7373; Solr on a free loopback port), runs
# `dateline bench peer` on the mix (interleaved passes at 1 and 4 clients, hit counts compared first,
# figures by request kind) and stops both by PID. Java only: no Python, so it runs wherever the build does.
# Environment: SOLR_PEER_DIR (default ../shared/peers/solr; a writable copy if the jar is not built
# there yet), WORK (default ${TMPDIR:-/tmp}/dateline-peer), SGM_DIR, DATELINE_PORT, MIX (default
# bench/mix-reuters.txt, drawn from the archive by `dateline bench mix`; bench/mix-reuters-seed7.txt
# is a second, held-out draw).
# --matched-analysis: Solr gets Dateline's analysis chain (bench/solr-matched/schema.xml, built into
# a copy of the peer under $WORK), so that both engines find the same hits and do the same work.
set -euo pipefail
cd "$(dirname "$0")/.."
peer="${SOLR_PEER_DIR:-../shared/peers/solr}"
work="${WORK:-${TMPDIR:-/tmp}/dateline-peer}"
sgm="${SGM_DIR:-../shared/corpus/reuters21578/sgm}"
dport="${DATELINE_PORT:-7373}"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
mkdir -p "$work" bench-results
if [[ "${1:-}" == "--matched-analysis" ]]; then
  shift
  rm -rf "$work/solr-peer-matched"
  cp -r "$peer" "$work/solr-peer-matched"
  cp bench/solr-matched/schema.xml "$work/solr-peer-matched/src/main/resources/peers/solr/news/schema.xml"
  rm -f "$work/solr-peer-matched/target/solr-peer.jar"
  repo="$(pwd)"; jdk="$(./dateline jdk)"
  (cd "$work/solr-peer-matched" && JAVA_HOME="$jdk" "$repo/mvnw" -q -B package -DskipTests)
  peer="$work/solr-peer-matched"
  stamp="$stamp-matched"
fi
[[ -d "$sgm" ]] || { echo "no Reuters SGML at $sgm (set SGM_DIR)" >&2; exit 1; }

echo "== $stamp, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$peer/solr-peer" index "$sgm" "$work/solr-home" --overwrite 2>&1 | grep -v -E '^(WARNING|[0-9:.]+ WARN)' || true
./dateline bench generate --reuters --out "$work/reuters.jsonl"
./dateline bench load "$work/reuters.jsonl" --index "$work/dateline-index" --overwrite

free_port() { # the first loopback port from 8983 on that nothing answers on
  local p
  for p in $(seq 8983 9183); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo "no free port in 8983-9183" >&2; return 1
}
sport="$(free_port)"
"$peer/solr-peer" serve "$work/solr-home" "$sport" > "$work/solr.log" 2>&1 &
solr_pid=$!
DATELINE_HEAP=1g ./dateline serve --index "$work/dateline-index" --port "$dport" --web none \
  > "$work/dateline.log" 2>&1 &
dl_pid=$!
stop() {
  for pid in "$solr_pid" "$dl_pid"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "$solr_pid" "$dl_pid"; do
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
  done
}
trap stop EXIT
for _ in $(seq 240); do
  if grep -q '^serving ' "$work/solr.log" && curl -sf "http://127.0.0.1:$dport/api/health" >/dev/null; then
    break
  fi
  sleep 0.5
done
grep -q '^serving ' "$work/solr.log" || { cat "$work/solr.log"; echo "Solr did not come up" >&2; exit 1; }
status=0
./dateline bench peer --mix "${MIX:-bench/mix-reuters.txt}" --solr-port "$sport" --dateline-port "$dport" \
  --json "bench-results/peer-$stamp.json" "$@" || status=$?
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
