#!/usr/bin/env bash
# The peer plan on a 3-node SolrCloud cluster on loopback vs the embedded index (issue 19):
#   bench/solr-cluster.sh [extra 'dateline bench http' options, e.g. --passes 5]
# Starts solr/cluster (Solr's MiniSolrCloudCluster: 3 nodes + embedded ZooKeeper, one JVM at 1 GB),
# uploads Dateline's configset, creates a collection of 2 shards x 2 replicas, indexes Reuters-21578
# with `dateline index --backend solr` (Dateline parses and enriches, Solr stores and searches), then
# runs `dateline bench http` at 1 and 8 clients against `dateline serve` on the same index, first
# embedded, then with --backend solr (both servers at 1 GB). Stops the cluster by its PID.
# The mix: the peer's 101 queries, then queries 51-101 again limited to March 1987 (the peer's
# "march" group); every request asks for 10 hits, 3 KWIC lines each, every facet and the histogram.
# Last, near real time: `dateline bench nrt --http` with its server on --backend solr.
# Environment: WORK (default ${TMPDIR:-/tmp}/dateline-solr-bench), SGM_DIR, PORT (default 7390),
# NRT_ONLY=1 (only the near-real-time step, served from the sample archive), NRT_RATE, NRT_QPS,
# NRT_SECONDS, NRT_WARMUP (seconds of the same load first, unmeasured, so that the new server's and
# the cluster's JIT have compiled the ingest and update paths, as the embedded near-real-time
# figure is taken after `--warmup-seconds 30`; default 0).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${WORK:-${TMPDIR:-/tmp}/dateline-solr-bench}"
sgm="${SGM_DIR:-../shared/corpus/reuters21578/sgm}"
port="${PORT:-7390}"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
[[ -d "$sgm" ]] || { echo "no Reuters SGML at $sgm (set SGM_DIR)" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" bench-results
jdk="$(./dateline jdk)"
[[ -f solr/cluster/target/solr-cluster.jar ]] \
  || JAVA_HOME="$jdk" ./mvnw -B -q -f solr/cluster/pom.xml package -DskipTests

mkfifo "$work/ctl"
"$jdk/bin/java" -Xmx1g -jar solr/cluster/target/solr-cluster.jar 3 "$work/cluster" \
  < "$work/ctl" > "$work/cluster.out" 2> "$work/cluster.log" &
cluster_pid=$!
exec 3> "$work/ctl"
stop() {
  echo quit >&3 || true
  exec 3>&-
  for _ in $(seq 60); do kill -0 "$cluster_pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$cluster_pid" 2>/dev/null && kill -KILL "$cluster_pid"
  wait "$cluster_pid" 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 240); do grep -q '^READY ' "$work/cluster.out" && break; sleep 0.5; done
urls="$(sed -n 's/^READY //p' "$work/cluster.out")"
[[ -n "$urls" ]] || { cat "$work/cluster.log"; echo "the cluster did not start" >&2; exit 1; }

echo "== $stamp, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./dateline solr schema --apply --solr "$urls"
./dateline solr create --solr "$urls" --shards 2 --replicas 2
if [[ "${NRT_ONLY:-}" == 1 ]]; then
  # only the near-real-time step, on the sample archive (seeds/) as the served index
  ./dateline index seeds --index "$work/index" --no-entities --quiet --backend solr --solr "$urls"
else
./dateline index "$sgm" --index "$work/index" --no-entities --quiet --backend solr --solr "$urls"

{ grep -v '^#' bench/peer-queries.txt
  sed -n '51,101p' bench/peer-queries.txt | sed 's/$/ | from=1987-03-01 | to=1987-03-31/'; } > "$work/mix.txt"

echo "== embedded, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./dateline bench http --serve "$work/index" --port "$port" --queries "$work/mix.txt" \
  --clients 1,8 "$@" | tee "bench-results/solr-cluster-$stamp-embedded.txt"
echo "== solr (3 nodes, 2 shards x 2 replicas), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
DATELINE_BACKEND=solr DATELINE_SOLR="$urls" \
  ./dateline bench http --serve "$work/index" --port "$port" --queries "$work/mix.txt" \
  --clients 1,8 "$@" | tee "bench-results/solr-cluster-$stamp-solr.txt"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# Near real time through the cluster: files dropped into `serve --watch --backend solr`, searched
# over HTTP until found (the same bench as the embedded figure, its server told to use Solr).
echo "== nrt through solr, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
DATELINE_BACKEND=solr DATELINE_SOLR="$urls" \
  ./dateline bench nrt --index "$work/index" --http --no-entities --rate "${NRT_RATE:-20}" \
  --qps "${NRT_QPS:-10}" --seconds "${NRT_SECONDS:-30}" --warmup-seconds "${NRT_WARMUP:-0}" \
  --port "$port" \
  | tee "bench-results/solr-cluster-$stamp-nrt.txt"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
