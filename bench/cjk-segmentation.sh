#!/usr/bin/env bash
# Issue 18: Chinese, Japanese and Korean word boundaries. Dateline's chain (ICU's dictionary word
# breaker; Korean at spaces) against CJK bigrams (Lucene's CJKAnalyzer) and each language's own
# analyser (SmartChinese, Kuromoji, Nori): hand-judged words on bench/segmentation/, every
# dictionary word of the shared corpus's zh/ja/ko articles, index bytes and CPU time per MB. The
# languages' analysers are test-scoped dependencies, so this runs on the test class path, not
# through 'dateline bench'. Indexes the corpus folders first (no entities) unless INDEX exists.
#
#   bench/cjk-segmentation.sh [INDEX]      default INDEX: /tmp/dateline-langdetect-index
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
./mvnw -B -q -o test-compile -Dspotless.check.skip=true
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  org.dateline.bench.SegmentationBench "$index" bench/segmentation
