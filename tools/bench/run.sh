#!/usr/bin/env bash
# The benchmark by hand: tools/bench/run.sh [real|10k|100k|1m] [papers_bench options]
# Generates the corpus for that size (real: the shared digests as they are;
# the others: make_corpus.py, seed 5, from the shared digests) and one more
# day to add, builds papers and papers_bench in build-bench/ (nice'd, -j1),
# runs the benchmark (nice'd) and writes tools/bench/results/SIZE.md and SIZE.json.
# Generated corpora are kept in $BENCH_DATA (default /tmp/papers-bench-data).
# The indexes are removed afterwards unless BENCH_KEEP=1; then
# `run.sh SIZE --queries-only` times the queries on them again (no build).
set -euo pipefail
cd "$(dirname "$0")/../.."

size=${1:-real}
shift || true
shared=../shared/corpus/daily_papers_ko/paper_logs
data=${BENCH_DATA:-/tmp/papers-bench-data}
out=tools/bench/results
case "$size" in
  real) papers=0 ;;
  10k) papers=10000 ;;
  100k) papers=100000 ;;
  1m) papers=1000000 ;;
  *) echo "usage: $0 [real|10k|100k|1m] [papers_bench options]" >&2; exit 2 ;;
esac
[[ -d $shared ]] || { echo "run.sh: $shared is missing (the shared corpus)" >&2; exit 1; }

mkdir -p "$data" "$out"
if [[ $size == real ]]; then
  corpus=$shared
  # The day after the last real one, generated: 2024-08-31.
  [[ -d $data/real-day ]] || python3 tools/bench/make_corpus.py --source "$shared" --papers 0 \
    --start 2024-08-31 --extra-day "$data/real-day"
  day=$data/real-day
else
  corpus=$data/$size
  day=$data/$size-day
  if [[ ! -d $corpus ]]; then
    python3 tools/bench/make_corpus.py --source "$shared" --papers "$papers" \
      --out "$corpus.tmp" --extra-day "$day.tmp"
    mv "$corpus.tmp" "$corpus"
    rm -rf "$day" && mv "$day.tmp" "$day"
  fi
fi

if [[ ! -f build-bench/build.ninja ]]; then
  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAPERS_WERROR=ON -DPAPERS_DEV_TOOLS=ON
fi
nice -n 10 cmake --build build-bench -j1 --target papers papers_bench

keep=${BENCH_KEEP:-0}
report=$size
for arg in "$@"; do [[ $arg == --queries-only ]] && keep=1 && report=$size-queries; done
nice -n 10 build-bench/papers_bench --corpus "$corpus" --add-day "$day" \
  --work "$data/work-$size" --json "$out/$report.json" "$@" | tee "$out/$report.md"
[[ $keep == 1 ]] || rm -rf "$data/work-$size"
echo "run.sh: wrote $out/$report.md and $out/$report.json"
