#!/usr/bin/env bash
# Issue 18: Optimaize (Dateline's language detector) against Apache OpenNLP's and Lingua's, on the
# shared corpus's articles whose source declares their language and on the language tests' short
# articles. The candidates are test-scoped dependencies, so this runs on the test class path, not
# through 'dateline bench'. Indexes the corpus folders first (no entities) unless INDEX exists.
#
#   bench/language-detectors.sh [INDEX]      default INDEX: /tmp/dateline-langdetect-index
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
index="${1:-/tmp/dateline-langdetect-index}"
corpus="../shared/corpus"
[ -d "$corpus" ] || { echo "no $corpus: the comparison needs the shared corpus" >&2; exit 1; }
export JAVA_HOME="${JAVA_HOME:-$(./dateline jdk)}"
if [ ! -d "$index" ]; then
  ./dateline index "$corpus/feeds-rss-atom" "$corpus/newsml-nitf" "$corpus/html-news-articlebench" \
    --index "$index" --no-entities --quiet
fi
./mvnw -B -q test-compile -Dspotless.check.skip=true
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  org.dateline.bench.LanguageDetectorBench "$index" src/test/resources/org/dateline/languages/articles.tsv
