#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs the dependencies, then builds
# and tests twice, with warnings as errors (build-test/) and under
# AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/), then runs each
# libFuzzer target briefly (tools/fuzz.sh, build-fuzz/; FUZZ_SECONDS per
# target, default 15). Exits non-zero if a build, a test or a fuzzer fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

jobs=$(nproc)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

build_and_test() {
  local dir=$1
  shift
  echo "=== $dir: configure ($*)"
  cmake -S . -B "$dir" "${generator[@]}" "$@"
  echo "=== $dir: build"
  cmake --build "$dir" -j"$jobs"
  echo "=== $dir: test"
  (cd "$dir" && ctest --output-on-failure -j2)
}

build_and_test build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAPERS_WERROR=ON -DPAPERS_DEV_TOOLS=ON
# Leaks are real failures; the sanitizers stop at the first error.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
build_and_test build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAPERS_SANITIZE=ON -DPAPERS_DEV_TOOLS=ON
bash tools/fuzz.sh "${FUZZ_SECONDS:-15}"
echo "=== all tests passed in build-test/ and build-asan/, and the fuzzers found nothing"
