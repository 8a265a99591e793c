#!/usr/bin/env python3
"""Where a Dateline server's CPU samples go, by request stage.

Usage: bench/tools/jfr_split.py RECORDING.jfr [JFR_TOOL]
(record with `./dateline bench http --serve DIR --jfr RECORDING.jfr`; JFR_TOOL defaults to
$(./dateline jdk)/bin/jfr). Each execution sample is put in the first group whose marker occurs in
its stack (outermost wins as listed), then shares are printed.
"""
import collections
import json
import subprocess
import sys

GROUPS = [("kwic", "search/Kwic."), ("stored fields", "StoredFields"),
          ("date histogram", "DateHistogram"), ("facet counting", "FacetCounts"),
          ("search, scoring, collecting", "IndexSearcher.search"),
          ("building hits", "HitBuilder.build"), ("request other", "SearchService.search"),
          ("response JSON", "jackson"), ("jetty / http", "jetty"),
          ("searcher refresh", "maybeRefresh")]


def main(argv):
    jfr = argv[1] if len(argv) > 1 else None
    if not jfr:
        sys.exit(__doc__)
    tool = argv[2] if len(argv) > 2 else subprocess.run(
        ["./dateline", "jdk"], capture_output=True, text=True).stdout.strip() + "/bin/jfr"
    out = subprocess.run([tool, "print", "--json", "--stack-depth", "96", "--events",
                          "jdk.ExecutionSample", jfr], capture_output=True, text=True, check=True)
    counts, total = collections.Counter(), 0
    for event in json.loads(out.stdout)["recording"]["events"]:
        frames = " ".join(f["method"]["type"]["name"] + "." + f["method"]["name"]
                          for f in event["values"]["stackTrace"]["frames"])
        total += 1
        counts[next((g for g, marker in GROUPS if marker in frames), "other")] += 1
    for group, n in counts.most_common():
        print("%-30s %6d %5.1f %%" % (group, n, 100.0 * n / total))


if __name__ == "__main__":
    main(sys.argv)
