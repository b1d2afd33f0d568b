#!/usr/bin/env bash
# tools/fuzz.sh SECONDS [TARGET...]
#
# Builds the libFuzzer targets (tests/fuzz/, clang, ASan + UBSan) in
# build-fuzz/ and runs each for SECONDS (default 60), from seed corpora made
# of the shipped day, the test fixtures and, when present, ../shared/corpus
# digests. New inputs found are kept in build-fuzz/corpus/TARGET/ (reused by
# the next run); a crash, leak, sanitizer report, timeout or OOM leaves its
# input in build-fuzz/findings/TARGET/. Prints per target the runs done and
# what was found; exits non-zero if any target found something.
#
# Environment: FUZZ_JOBS (parallel targets, default 1), FUZZ_TIMEOUT
# (seconds one input may take, default 5; wall-clock, so raise it on a busy
# machine), FUZZ_RSS_MB (memory limit, default 2048), FUZZ_BUILD (build
# directory, default build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
build=${FUZZ_BUILD:-build-fuzz}
timeout_s=${FUZZ_TIMEOUT:-5}
rss_mb=${FUZZ_RSS_MB:-2048}
all_targets=(fuzz_digest fuzz_digest_lines fuzz_analyzer fuzz_document_data fuzz_fetch_state fuzz_query)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

bash tools/install-deps.sh >/dev/null

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
echo "=== fuzz: build ($build)"
cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DPAPERS_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

# Seeds: a few files per kind, copied once; libFuzzer's own finds join them.
seed() {
  local target=$1 dir=$build/seeds/$1
  [[ -d $dir ]] && return
  mkdir -p "$dir"
  local shared=../shared/corpus/daily_papers_ko/paper_logs
  case $target in
    fuzz_digest|fuzz_digest_lines)
      cp corpus/*.md "$dir"/
      find tests/fixtures/digests -type f -name '*.md' -exec cp --backup=numbered {} "$dir"/ \;
      if [[ -d $shared ]]; then
        find "$shared" -name '*.md' | sort | awk 'NR % 20 == 1' | while read -r f; do
          cp "$f" "$dir/$(echo "$f" | tr / _)"
        done
      fi
      if [[ $target == fuzz_digest_lines ]]; then  # lines, not files
        local lines=$dir/lines && mkdir -p "$lines"
        cat "$dir"/*.md | awk 'length($0) > 0 && NR % 3 == 0' | head -400 | split -l 1 - "$lines/line-"
        find "$dir" -maxdepth 1 -type f -delete
      fi
      ;;
    fuzz_analyzer)
      grep -h -- '- \*\*' corpus/*.md | head -200 | split -l 1 - "$dir/line-"
      printf 'GPT-4o와 LLaMA-3.1-8B를 비교했습니다' >"$dir/mixed"
      printf 'caf\xc3\xa9 \xed\x95\x9c\xea\xb8\x80 \xff\xfe \xed\xa0\x80' >"$dir/invalid"
      ;;
    fuzz_document_data)
      printf '%s' '{"arxiv_id":"2409.16191","title":"T","date":"2024-09-25","votes":3,"authors":["A B"],"sections":[["Summary","텍스트"]],"source_file":"f.md","source_line":3,"occurrences":[]}' >"$dir/paper.json"
      printf '%s' '{"arxiv_id":"1","title":"","date":"","votes":null,"authors":[],"sections":[]}' >"$dir/empty.json"
      ;;
    fuzz_fetch_state)
      printf '%s' '{"files":{"2024/09/25.md":{"etag":"\"abc\"","last_modified":"Wed, 25 Sep 2024 00:00:00 GMT","size":1234}},"retry_days":["2024-09-24"]}' >"$dir/state.json"
      find tests/fixtures/fetch -type f -name '*.json' -exec cp --backup=numbered {} "$dir"/ \; 2>/dev/null || true
      ;;
    fuzz_query)
      local i=0
      while IFS= read -r query; do
        printf '\x03%s' "$query" >"$dir/q$i"; i=$((i + 1))
      done <tests/fuzz/queries.txt
      printf '\x00Ge Zhang' >"$dir/author"
      printf '\x01arXiv:2409.16191v2' >"$dir/show"
      printf '\x02reward' >"$dir/glossary"
      ;;
  esac
}

declare -A runs found
failed=0
run_target() {
  local target=$1
  local corpus=$build/corpus/$target findings=$build/findings/$target log=$build/logs/$target.log
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  seed "$target"
  local dict=() dict_file=tests/fuzz/${target/fuzz_digest_lines/fuzz_digest}.dict
  [[ -f $dict_file ]] && dict=(-dict="$dict_file")
  local status=0
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    "$build/tests/fuzz/$target" "$corpus" "$build/seeds/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
    >"$log" 2>&1 || status=$?
  echo "$status" >"$log.status"
}

pids=()
jobs_max=${FUZZ_JOBS:-1}
for target in "${targets[@]}"; do
  echo "=== fuzz: $target for ${seconds}s"
  run_target "$target" &
  pids+=($!)
  while [[ $(jobs -rp | wc -l) -ge $jobs_max ]]; do wait -n || true; done
done
wait || true

echo "=== fuzz: results"
for target in "${targets[@]}"; do
  log=$build/logs/$target.log
  status=$(cat "$log.status" 2>/dev/null || echo 1)
  done_runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  [[ -n $done_runs ]] || done_runs="?"
  total=$(cat "$build/corpus/$target.total" 2>/dev/null || echo 0)
  [[ $done_runs =~ ^[0-9]+$ ]] && total=$((total + done_runs)) && echo "$total" >"$build/corpus/$target.total"
  if [[ $status -eq 0 ]]; then
    printf '%-20s %12s runs (%s in all runs so far), nothing found\n' "$target" "$done_runs" "$total"
  else
    failed=1
    what=$(grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|ERROR: libFuzzer|runtime error' "$log" || echo "exit $status")
    printf '%-20s %12s runs: FOUND %s\n' "$target" "$done_runs" "$what"
    ls "$build/findings/$target" | sed 's/^/    input: /' | head -5
    echo "    log: $log"
  fi
done
exit $failed
