#!/usr/bin/env bash
# The entity pass as a commit before the entity catalog ran it, on the same data as
# `dateline bench entities`: builds COMMIT in a scratch folder, then RUNS times copies the base index
# that `bench entities` built (WORK/base-index), indexes BATCH into the copy and prints the pass line.
#   bench/entity-pass-before.sh COMMIT BATCH [WORK] [RUNS]
# e.g. bench/entity-pass-before.sh 243368b /tmp/entinc-bench/batch /tmp/entinc-bench/work 3
set -euo pipefail
commit="$1"; batch="$(readlink -f "$2")"; work="$(readlink -f "${3:-/tmp/dateline-bench-entities}")"
runs="${4:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="$(mktemp -d /tmp/dateline-before-XXXX)"
trap 'rm -rf "$old" "$work/before-run"' EXIT
git -C "$here" archive "$commit" | tar -x -C "$old"
(cd "$old" && ./dateline build >/dev/null 2>&1)
for _ in $(seq 1 "$runs"); do
  rm -rf "$work/before-run"
  cp -r "$work/base-index" "$work/before-run"
  rm -f "$work/before-run/entities-catalog.json"
  (cd "$old" && ./dateline index "$batch" --index "$work/before-run" --quiet 2>/dev/null | grep -E "^Entities")
done
