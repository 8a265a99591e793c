#!/usr/bin/env python3
"""Dateline against the Solr peer (../shared/peers/solr), same stories, same requests, passes
interleaved in one run.

Usage:
  peer_compare.py --solr-port P --dateline-port D QUERY_FILE [--concurrency 1,4] [--passes 3]
                  [--warmup 1] [--multiselect] [--plan-out FILE] [--json-out FILE]

The request plan (base / place / march groups) is the peer's own: query_bench.py's derive_plan, with
its Solr parameters (4 facet fields, monthly date range facet, 3 highlighted snippets of 120 chars).
Each request goes to Dateline as /api/search?q=body:(QUERY)&size=10&kwic=3[&place=V][&from=&to=]:
body only like Solr's df=body, AND by default like q.op=AND, with every facet dimension (outlet,
person, organization, place, agency, language, type, i.e. Solr's four and three more), the date
histogram (monthly for a one-year span) and 3 KWIC lines per hit. Dateline's facets are always
multi-select (DrillSideways); --multiselect makes Solr do the same work ({!tag}/{!ex}).

Per concurrency level: the warm-up passes, then for each measured pass one Solr pass and one
Dateline pass, the order alternating from pass to pass, so both engines see the same machine load.
Hit counts of the first measured pass are compared per request before any timing is reported.
Both engines are measured by this one client (Python, keep-alive HTTP/1.1, one connection per
client thread), latency = request sent to whole body read.
"""

import argparse
import json
import os
import sys
import urllib.parse

here = os.path.dirname(os.path.abspath(__file__))
peer_dir = os.environ.get("SOLR_PEER_DIR", os.path.join(here, "..", "..", "shared", "peers", "solr"))
sys.path.insert(0, peer_dir)
import query_bench as qb  # noqa: E402  (the peer's client: plan, Solr parameters, HTTP, percentiles)


def dateline_path(req):
    q = req["q"]
    q = "" if q in ("*:*", "*") else "body:(%s)" % q
    p = [("q", q), ("size", "10"), ("kwic", "3")]
    if "place" in req:
        p.append(("place", req["place"]))
    if "from" in req:
        p += [("from", req["from"]), ("to", req["to"])]
    return "/api/search?" + urllib.parse.urlencode(p)


def found_solr(body):
    d = json.loads(body)
    if "highlighting" not in d or "facet_counts" not in d:
        raise ValueError("response lacks highlighting or facet_counts")
    return d["response"]["numFound"]


def found_dateline(body):
    d = json.loads(body)
    if "facets" not in d or "hits" not in d:
        raise ValueError("response lacks facets or hits")
    return d["total"]


def run_pass(conns, paths, found):
    """Like qb.run_pass, for any engine: found(body) reads the hit count."""
    import threading
    import time
    results = [None] * len(paths)
    nxt = [0]
    lock = threading.Lock()

    def worker(conn):
        while True:
            with lock:
                i = nxt[0]
                nxt[0] += 1
            if i >= len(paths):
                return
            t0 = time.perf_counter()
            try:
                status, body = conn.get(paths[i])
                ms = (time.perf_counter() - t0) * 1000.0
            except Exception as e:
                results[i] = {"ms": (time.perf_counter() - t0) * 1000.0, "error": repr(e)}
                continue
            r = {"ms": ms}
            if status != 200:
                r["error"] = "HTTP %d: %s" % (status, body[:200].decode("utf-8", "replace"))
            else:
                try:
                    r["found"] = found(body)
                except (ValueError, KeyError) as e:
                    r["error"] = "bad response: %r" % (e,)
            results[i] = r

    threads = [threading.Thread(target=worker, args=(c,)) for c in conns]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, time.perf_counter() - t0


def figures(passes, wall):
    lat = sorted(r["ms"] for p in passes for r in p)
    errors = sum(1 for p in passes for r in p if "error" in r)
    return {"count": len(lat), "errors": errors, "p50_ms": qb.percentile(lat, 50),
            "p95_ms": qb.percentile(lat, 95), "p99_ms": qb.percentile(lat, 99),
            "mean_ms": sum(lat) / len(lat), "max_ms": lat[-1], "qps": len(lat) / wall}


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return -1.0


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("query_file")
    ap.add_argument("--solr-port", type=int, required=True)
    ap.add_argument("--dateline-port", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--concurrency", default="1,4")
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--multiselect", action="store_true")
    ap.add_argument("--plan-out")
    ap.add_argument("--json-out")
    args = ap.parse_args(argv)
    # The peer's parameter builder reads these attributes of its own argument object.
    solr_args = argparse.Namespace(qf=None, multiselect=args.multiselect, kwic=False)

    probe = qb.Connection(args.host, args.solr_port, 60)
    plan = qb.derive_plan(probe, qb.read_queries(args.query_file), solr_args)
    if args.plan_out:
        with open(args.plan_out, "w", encoding="utf-8") as f:
            json.dump({"query_file": os.path.abspath(args.query_file), "requests": plan}, f, indent=1)
    solr_paths = qb.plan_paths(plan, solr_args)
    dl_paths = [dateline_path(r) for r in plan]
    engines = {"solr": (args.solr_port, solr_paths, found_solr),
               "dateline": (args.dateline_port, dl_paths, found_dateline)}

    out = {"settings": {"query_file": args.query_file, "requests_per_pass": len(plan),
                        "multiselect": args.multiselect, "passes": args.passes,
                        "warmup": args.warmup, "example_solr": solr_paths[len(plan) // 2],
                        "example_dateline": dl_paths[len(plan) // 2]},
           "machine": qb.machine(), "levels": []}
    hits_checked = False
    for c in [int(x) for x in args.concurrency.split(",")]:
        conns = {e: [qb.Connection(args.host, port, 60) for _ in range(c)]
                 for e, (port, _, _) in engines.items()}
        for _ in range(args.warmup):
            for e, (_, paths, found) in engines.items():
                run_pass(conns[e], paths, found)
        measured = {e: [] for e in engines}
        wall = {e: 0.0 for e in engines}
        for p in range(args.passes):
            order = ["solr", "dateline"] if p % 2 == 0 else ["dateline", "solr"]
            for e in order:
                _, paths, found = engines[e]
                results, seconds = run_pass(conns[e], paths, found)
                measured[e].append(results)
                wall[e] += seconds
        if not hits_checked:
            hits_checked = True
            compare_hits(plan, measured, out)
        level = {"concurrency": c, "load_average": load_average()}
        for e in engines:
            level[e] = figures(measured[e], wall[e])
        s, d = level["solr"], level["dateline"]
        level["ratios"] = {"p50_solr_over_dateline": s["p50_ms"] / d["p50_ms"],
                           "p99_solr_over_dateline": s["p99_ms"] / d["p99_ms"],
                           "qps_dateline_over_solr": d["qps"] / s["qps"]}
        out["levels"].append(level)
    print_table(out)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    return 1 if any(l[e]["errors"] for l in out["levels"] for e in engines) else 0


def compare_hits(plan, measured, out):
    rows, same = [], 0
    for i, req in enumerate(plan):
        s = measured["solr"][0][i].get("found")
        d = measured["dateline"][0][i].get("found")
        if s == d:
            same += 1
        rows.append({"group": req["group"], "line": req["line"], "q": req["q"],
                     "filter": req.get("place") or req.get("from"), "solr": s, "dateline": d})
    out["hits"] = {"requests": len(plan), "same": same,
                   "solr_total": sum(r["solr"] or 0 for r in rows),
                   "dateline_total": sum(r["dateline"] or 0 for r in rows), "per_request": rows}
    print("hit counts: %d of %d requests equal; total found per pass Solr %d, Dateline %d"
          % (same, len(plan), out["hits"]["solr_total"], out["hits"]["dateline_total"]))
    diff = sorted((r for r in rows if r["solr"] != r["dateline"]),
                  key=lambda r: -abs((r["solr"] or 0) - (r["dateline"] or 0)))
    for r in diff[:15]:
        print("  differs: [%s %d] %-40s %-12s solr %6s dateline %6s" % (
            r["group"], r["line"], r["q"][:40], r["filter"] or "", r["solr"], r["dateline"]))


def print_table(out):
    print("| clients | engine | requests | errors | p50 ms | p95 ms | p99 ms | QPS | load avg |")
    print("|---|---|---|---|---|---|---|---|---|")
    for l in out["levels"]:
        for e in ("solr", "dateline"):
            f = l[e]
            print("| %d | %s | %d | %d | %.2f | %.2f | %.2f | %.0f | %.2f |" % (
                l["concurrency"], e, f["count"], f["errors"], f["p50_ms"], f["p95_ms"],
                f["p99_ms"], f["qps"], l["load_average"]))
    for l in out["levels"]:
        r = l["ratios"]
        print("clients %d: Solr/Dateline p50 %.2f, p99 %.2f; Dateline/Solr QPS %.2f" % (
            l["concurrency"], r["p50_solr_over_dateline"], r["p99_solr_over_dateline"],
            r["qps_dateline_over_solr"]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
