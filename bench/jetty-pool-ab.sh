#!/usr/bin/env bash
# bench/jetty-pool-ab.sh POOL_B CLIENT [clients]: A = main's build on 7600, B = this worktree's build on 7601 with
# -Ddateline.jetty.pool=POOL_B; one interleaved `bench peer` run; server CPU and context switches of each.
# Needs $WORK/idx (./dateline bench generate --reuters --out $WORK/reuters.jsonl && ./dateline bench load
# $WORK/reuters.jsonl --index $WORK/idx) and MAIN_CHECKOUT, a checkout of main with its target/ built.
# POOL_B: default | reserved0 | reserved1 | reserved4 | virtual (see server/ServerThreads). CLIENT: socket | jdk.
set -euo pipefail
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
S="${WORK:-/tmp/s22-transport}"; poolb=$1; client=$2; clients=${3:-1,4}; main="${MAIN_CHECKOUT:-$S/main-clone}"
cd "$(dirname "$0")/.."
for x in a b; do rm -rf $S/idx-$x; cp -r $S/idx $S/idx-$x; done
(cd "$main" && DATELINE_HEAP=1g exec ./dateline serve --index $S/idx-a --port 7600 --web none) > $S/a.log 2>&1 &
pa=$!
JAVA_TOOL_OPTIONS="-Ddateline.jetty.pool=$poolb" DATELINE_HEAP=1g ./dateline serve --index $S/idx-b --port 7601 --web none > $S/b.log 2>&1 &
pb=$!
trap 'kill -TERM $pa $pb 2>/dev/null || true' EXIT
for port in 7600 7601; do for i in $(seq 120); do curl -sf localhost:$port/api/health >/dev/null && break; sleep 0.5; done; done
ja=$(pgrep -P $pa java); jb=$(pgrep -P $pb java)
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
csw() { cat /proc/$1/task/*/status | awk '/^voluntary_ctxt/{v+=$2} /^nonvoluntary_ctxt/{n+=$2} END{print v, n}'; }
# warm both alike first
./dateline bench peer --dateline-port 7600 --ab-port 7601 --solr-port 0 --client $client --clients 1 --passes 1 --warmup 1 >/dev/null 2>&1
ca0=$(cpu $ja); cb0=$(cpu $jb); sa0=$(csw $ja); sb0=$(csw $jb)
echo "== pool_b=$poolb client=$client clients=$clients $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"
./dateline bench peer --dateline-port 7600 --ab-port 7601 --solr-port 0 --client $client --clients $clients --json $S/peer-$poolb-$client.json 2>&1 | grep -v WARNING
ca1=$(cpu $ja); cb1=$(cpu $jb); sa1=$(csw $ja); sb1=$(csw $jb)
echo "server CPU ticks (1/100 s) over the run: A $((ca1-ca0))  B $((cb1-cb0))"
echo "ctx switches vol/nonvol: A $(( ${sa1% *} - ${sa0% *} ))/$(( ${sa1#* } - ${sa0#* } ))  B $(( ${sb1% *} - ${sb0% *} ))/$(( ${sb1#* } - ${sb0#* } ))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
