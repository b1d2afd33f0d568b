#!/usr/bin/env bash
# From a fresh clone to a first search: installs the dependencies, builds
# papers (Release, in build/), indexes the shipped sample corpus (corpus/) into
# .papers-index/ in the repository (so it does not touch your default index at
# ~/.local/share/papers/index), and runs an example search.
#
# Afterwards:  export PAPERS_DB=$PWD/.papers-index; build/papers search ...
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
cmake --build build --target papers -j"$(nproc)"

export PAPERS_DB="$PWD/.papers-index"
build/papers index corpus/
build/papers stats
build/papers search --limit 3 "diffusion reward model"
