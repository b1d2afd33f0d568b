#!/usr/bin/env bash
# bench_smoke (ctest): papers_bench on the shipped corpus/ (one day, 17
# papers) plus one generated day, with few repetitions. Fails unless it exits
# 0 and writes the report and JSON with every figure of the schema
# (tools/bench/report.h). Proves the benchmark works; its numbers mean nothing.
#   smoke_test.sh PAPERS_BENCH SOURCE_DIR
set -euo pipefail
bench=$1
source_dir=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 "$source_dir/tools/bench/make_corpus.py" --source "$source_dir/corpus" --papers 0 \
  --start 2024-09-26 --extra-day "$tmp/day"
"$bench" --corpus "$source_dir/corpus" --add-day "$tmp/day" --reps 5 --cli-reps 2 \
  --work "$tmp/work" --json "$tmp/bench.json" > "$tmp/bench.md"

grep -q '^### Index build' "$tmp/bench.md"
grep -q '^### Add one day (30 papers)' "$tmp/bench.md"
python3 - "$tmp/bench.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
peers = {"ours", "xapian-cjk", "fts5-unicode61", "fts5-trigram"}
assert r["corpus"]["papers"] == 17 and r["corpus"]["raw_bytes"] > 0, r["corpus"]
assert set(r["build"]) == peers, r["build"].keys()
for peer, b in r["build"].items():
    for key in ("seconds", "papers_per_s", "mb_per_s", "peak_rss_bytes", "index_bytes", "index_to_raw"):
        assert b[key] > 0, (peer, key, b)
assert len(r["queries"]) == 8, len(r["queries"])
for q in r["queries"]:
    assert {"ours", "fts5-unicode61", "fts5-trigram"} <= set(q["peers"]), q
    for p in q["peers"].values():
        assert 0 < p["p50_ms"] <= p["p95_ms"] <= p["p99_ms"] and p["matches"] >= p["results"], q
assert r["queries"][1]["peers"]["ours"]["results"] == 10, r["queries"][1]  # "model": common
# papers exits 1 when nothing is found (the date range misses this corpus).
assert len(r["cli"]) == 8 and all(q["tools"]["papers"]["exit_code"] in (0, 1) for q in r["cli"]), r["cli"]
assert set(r["add_day"]["peers"]) == peers and r["add_day"]["papers"] == 30, r["add_day"]
print("bench_smoke: ok")
PY
