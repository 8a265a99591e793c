#!/usr/bin/env bash
# Server starts of one build under several JVM set-ups, one `bench startup` run of each in turn,
# the order rotated each round, then each set-up's medians:
#   bench/startup-ab.sh ROUNDS OUT INDEX PORT 'LABEL=SERVER OPTIONS' 'LABEL=SERVER OPTIONS' ...
# SERVER OPTIONS are JVM options for the served JVM (none: as a user's start), e.g.
#   'base=' 'nohold=-Ddateline.warmup.before-port-ms=0' 'rounds=-Ddateline.warmup.rounds=3'
# Each run: the start-up cache on, 30 s of load from the first answer, 20 s settling, a 20 s steady
# window (LOAD, SETTLE, STEADY override), each request's server-thread CPU asked for. The tree must
# be built and its cache trained first (`./dateline startup-cache INDEX`): a launcher that builds or
# trains inside a run would time that. Per run it prints the first answer (ms, and the server's CPU
# by then), the requests of the first window, its p99 over the steady p99 (wall, and the request
# threads' CPU), the CPU the server threads spent on the mix's first 500 requests (the same requests
# in the same order in every run, so unlike a window's figures it does not depend on how many
# requests the load let in), and the load average; then the medians of each set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="$1"
out="$2"
index="$3"
port="$4"
shift 4
mkdir -p "$out"
variants=("$@")
n=${#variants[@]}
summary="$out/runs.tsv"
printf 'label\tround\tfirst_ms\tfirst_cpu_ms\trequests\tratio\tcpu_ratio\tcpu_first500_ms\tload\n' >"$summary"
for r in $(seq "$rounds"); do
  for j in $(seq 0 $((n - 1))); do
    v="${variants[$(((j + r - 1) % n))]}"
    label="${v%%=*}"
    opts=()
    for o in ${v#*=}; do opts+=("--server-option=$o"); done
    run="$out/$label-$r"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    ./dateline bench startup --index "$index" --runs 1 --cache on --port "$port" \
      --load-seconds "${LOAD:-30}" --settle-seconds "${SETTLE:-20}" --steady-seconds "${STEADY:-20}" \
      --slowest --thread-cpu --samples="$run" ${opts[@]+"${opts[@]}"} >"$run.out" 2>&1 ||
      { echo "$label round $r failed: see $run.out"; continue; }
    # the table's row of run 1: | 1 | on | first | its CPU | requests | ... | p99/steady | ... | cpu ratio | load |
    row="$(grep '^| 1 ' "$run.out")"
    first500="$(awk -F'\t' '$1 == "first" && $2 <= 500 { s += $5 } END { printf "%.0f", s }' "$run-1-on.tsv")"
    echo "$row" | awk -F'|' -v l="$label" -v r="$r" -v c="$first500" -v ld="$load" '{
      gsub(/ /, ""); printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l, r, $4, $5, $6, $15, $19, c, ld }' \
      | tee -a "$summary"
  done
done
echo "medians: label, first answer ms, its CPU ms, requests, p99/steady, thread CPU p99/steady, CPU of the first 500 requests ms"
for v in "${variants[@]}"; do
  label="${v%%=*}"
  awk -F'\t' -v l="$label" 'function med(a, k,   i, j, t) {
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    $1 == l { k++; f[k] = $3; fc[k] = $4; q[k] = $5; w[k] = $6; c[k] = $7; s[k] = $8 }
    END { if (k) printf "%s\t%d runs\t%.0f\t%.0f\t%.0f\t%.2f\t%.2f\t%.0f\n", l, k, med(f, k), med(fc, k), med(q, k), med(w, k), med(c, k), med(s, k) }' "$summary"
done
