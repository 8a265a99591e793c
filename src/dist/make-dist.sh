#!/usr/bin/env bash
# Builds Dateline's release archive (run it through `./dateline dist`, which builds the jars first):
# the jars, the web page, the launcher, and a Java runtime trimmed by jlink to the modules the jars
# use (jdeps finds them), so that the unpacked archive runs `./dateline index` and `./dateline
# serve` on a machine with no Java installed. Needs JAVA_HOME: a JDK with jdeps and jlink.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
: "${JAVA_HOME:?JAVA_HOME must name a JDK (./dateline dist sets it)}"
[ -f target/dateline.jar ] && [ -d target/lib ] || {
  echo "make-dist: target/dateline.jar is missing; run ./dateline dist (it builds first)" >&2
  exit 2
}
started=$(date +%s)
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
platform="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
name="dateline-$version-$platform"
out="target/dist"
rm -rf "${out:?}/$name" "$out/$name.tar.gz"
mkdir -p "$out/$name/lib"

major="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)"
# Every jar is a root: Tika finds its parsers through service files, which jdeps cannot follow from
# Dateline's own classes. The jars run on the class path, so they are read as plain jars: copies
# without their module-info (jdeps would otherwise resolve a modular jar's "requires" as modules,
# and stop at the first one that is only on the class path).
command -v zip >/dev/null 2>&1 || {
  echo "make-dist: needs zip (to read the jars without their module-info; e.g. apt-get install zip)" >&2
  exit 1
}
echo "make-dist: jdeps (the modules the jars use) ..." >&2
plain="$out/jdeps-jars"
rm -rf "$plain" && mkdir -p "$plain"
cp target/dateline.jar target/lib/*.jar "$plain/"
for jar in "$plain"/*.jar; do
  zip -q -d "$jar" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
done
found="$("$JAVA_HOME/bin/jdeps" --multi-release "$major" --ignore-missing-deps -q \
  --print-module-deps --class-path "$plain/*" "$plain"/*.jar)"
rm -rf "$plain"
# Modules reached by name at run time, which no class file names: Lucene's vector code (the
# --add-modules flag of jvm.properties), legacy charsets of old archives (GB2312, Big5, KOI8-R ...),
# the locale data of dates written in other languages, and jdk.management, through which Lucene asks
# the JVM what it is (without it Lucene takes the runtime for a non-HotSpot JVM and turns its vector
# code off).
extra="jdk.incubator.vector,jdk.charsets,jdk.localedata,jdk.crypto.ec,jdk.zipfs,jdk.management"
modules="$found,$extra"
echo "make-dist: jlink $modules" >&2
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$out/$name/runtime" >&2 # jlink notes the incubator module on stdout

cp target/dateline.jar target/lib/*.jar "$out/$name/lib/"
cp -r web "$out/$name/web"
# the sample archive: `./dateline serve` in the unpacked folder indexes seeds/ (README), and stopped
# with "no such file or folder: seeds" without it
cp -r seeds "$out/$name/seeds"
cp dateline README.md LICENSE "$out/$name/"
# what the README links to (the user's documentation, the figures and the reliability tests)
cp -r docs "$out/$name/docs"
cp BENCHMARKS.md RELIABILITY.md "$out/$name/"
cp src/main/resources/org/dateline/config/jvm.properties "$out/$name/"
# The start-up cache (issue 20; see the launcher): trained here, by the archive's own launcher on its
# own runtime and class path, since the JVM uses a cache only with the runtime and the jars it was
# written with. A failed training leaves an archive that runs without one.
echo "make-dist: the start-up cache (a training run of serve) ..." >&2
"$out/$name/dateline" startup-cache "$here/src/test/resources/fixtures" >&2 ||
  echo "make-dist: no start-up cache in the archive (its training run failed)" >&2
tar -czf "$out/$name.tar.gz" -C "$out" "$name"
bytes="$(wc -c <"$out/$name.tar.gz")"
count="$(sed -n 's/^MODULES=//p' "$out/$name/runtime/release" | tr -d '"' | wc -w)"
echo "make-dist: $out/$name.tar.gz ($((bytes / 1048576)) MB, a runtime of $count modules)" \
  "in $(($(date +%s) - started)) s" >&2
echo "$here/$out/$name.tar.gz"
