#!/usr/bin/env bash
# Installs what building and testing papers needs (Debian/Ubuntu packages).
# Idempotent: when every package is already installed, apt is not touched.
# Uses sudo only when not running as root.
#
# --package adds what building the Debian package needs (debhelper,
# dpkg-dev, fakeroot, lintian, ninja-build), not needed for the build or the
# tests: then `DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -b -us -uc`.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  # libcurl4-openssl-dev: curl's headers, and libcurl4, which fetch and
  # update load at run time (indexer/curl_library.cc).
  libxapian-dev libicu-dev libcurl4-openssl-dev
  # xapian-tcpsrv, xapian-replicate(-server): papers serve and papers mirror
  # run them (tools/cmd_serve.cc, tools/cmd_mirror.cc)
  xapian-tools
  libcli11-dev nlohmann-json3-dev libgtest-dev
  clang-format python3
  python3-xapian  # tests/relevance/pool_rankers.py: the plain Xapian ranker of the judging pool
  # tests/doc and tests/install: man -l renders papers.1, zsh -n and fish -n
  # parse the completions; less is the default pager.
  man-db groff-base zsh fish less
  libsqlite3-dev sqlite3 ripgrep  # the benchmark (tools/bench)
  clang libclang-rt-dev  # the libFuzzer targets (tools/fuzz.sh): clang and its fuzzer runtime
)

if [[ ${1:-} == --package ]]; then
  packages+=(debhelper dpkg-dev fakeroot lintian ninja-build)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
