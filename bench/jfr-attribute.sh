#!/usr/bin/env bash
# CPU samples of a JFR recording attributed to the first (innermost) frame matching PATTERN
# (default: Dateline's own code), with an optional filter: only samples whose stack holds UNDER.
#   bench/jfr-attribute.sh FILE.jfr [PATTERN] [UNDER] [ROWS]
# e.g. bench/jfr-attribute.sh ingest.jfr 'optimaize' LanguageGuesser.guess
set -euo pipefail
jfr_bin="$(cd "$(dirname "$0")/.." && ./dateline jdk)/bin/jfr"
"$jfr_bin" print --stack-depth 96 --events jdk.ExecutionSample "$1" | awk -v pat="${2:-org.dateline}" -v under="${3:-}" '
/jdk.ExecutionSample/ { inev = 1; got = ""; has = (under == ""); next }
inev && /line:/ { if (under != "" && index($0, under) > 0) has = 1; if (got == "" && $0 ~ pat) got = $1 }
inev && /^}/ { if (has) { if (got == "") got = "(none)"; c[got]++; n++ }; inev = 0 }
END { for (k in c) printf "%6d %5.1f%% %s\n", c[k], 100 * c[k] / n, k; printf "%6d total\n", n }' |
  sort -rn | head -"${4:-30}"
