#!/usr/bin/env bash
# The entity pass as `dateline index` runs it (a fresh JVM each time) at a given commit, on the data
# of `dateline bench entities`: builds COMMIT in a scratch folder, then RUNS times copies the base
# index that `bench entities` built (WORK/base-index), indexes BATCH into the copy with any extra
# `index` options and prints the lines about entities. With a commit from before the entity
# catalog this measures the old whole-archive pass; with HEAD the incremental one (or, with
# --full-entity-pass, the full one).
#   bench/entity-pass-cli.sh COMMIT BATCH WORK RUNS [INDEX OPTION...]
# e.g. bench/entity-pass-cli.sh 243368b /tmp/entinc-bench/batch /tmp/entinc-bench/work 3
set -euo pipefail
commit="$1"; batch="$(readlink -f "$2")"; work="$(readlink -f "$3")"; runs="$4"; shift 4
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(mktemp -d /tmp/dateline-at-XXXX)"
trap 'rm -rf "$build" "$work/cli-run"' EXIT
git -C "$here" archive "$commit" | tar -x -C "$build"
(cd "$build" && ./dateline build >/dev/null 2>&1)
for _ in $(seq 1 "$runs"); do
  rm -rf "$work/cli-run"
  cp -r "$work/base-index" "$work/cli-run"
  (cd "$build" && ./dateline index "$batch" --index "$work/cli-run" --quiet "$@" 2>/dev/null \
    | grep -E "^Entities")
done
