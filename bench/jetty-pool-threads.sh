#!/usr/bin/env bash
# bench/jetty-pool-threads.sh POOL: one server (this worktree's build, -Ddateline.jetty.pool=POOL) on 7602; per-thread
# voluntary/involuntary context switches and CPU ticks over one measured 1-client pass (after one warm-up pass).
# Needs $WORK/idx as bench/jetty-pool-ab.sh does.
set -euo pipefail
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
S="${WORK:-/tmp/s22-transport}"; cd "$(dirname "$0")/.."
rm -rf $S/idx-t; cp -r $S/idx $S/idx-t
JAVA_TOOL_OPTIONS="-Ddateline.jetty.pool=$1" DATELINE_HEAP=1g ./dateline serve --index $S/idx-t --port 7602 --web none > $S/t.log 2>&1 &
p=$!; trap 'kill -TERM $p 2>/dev/null || true' EXIT
for i in $(seq 120); do curl -sf localhost:7602/api/health >/dev/null && break; sleep 0.5; done
j=$(pgrep -P $p java)
./dateline bench peer --dateline-port 7602 --solr-port 0 --client socket --clients 1 --passes 1 --warmup 1 >/dev/null 2>&1
snap() { for t in /proc/$j/task/*; do printf '%s\t%s\t%s\t%s\n' "${t##*/}" "$(tr ' ' _ < $t/comm)" "$(awk '/^voluntary_ctxt/{v=$2} /^nonvoluntary_ctxt/{n=$2} END{print v" "n}' $t/status)" "$(awk '{print $14+$15}' $t/stat)"; done | sort; }
snap > $S/t0.txt
./dateline bench peer --dateline-port 7602 --solr-port 0 --client socket --clients 1 --passes 1 --warmup 0 2>&1 | grep -E "^\| dateline "
snap > $S/t1.txt
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
join -t $'\t' $S/t0.txt $S/t1.txt | awk -F'\t' '{split($3,a," "); split($6,b," "); dv=b[1]-a[1]; dn=b[2]-a[2]; dc=$7-$4; n=$2; sub(/-[0-9]+$/,"",n); sub(/[0-9]+$/,"",n); V[n]+=dv; N[n]+=dn; C[n]+=dc; K[n]++} END{for (n in V) if (V[n]+N[n]+C[n]>0) printf "%-28s threads %3d  vol %6d  nonvol %6d  cpu ticks %5d\n", n, K[n], V[n], N[n], C[n]}' | sort -k5 -n -r
