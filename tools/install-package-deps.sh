#!/usr/bin/env bash
# Installs what building the Debian package needs on top of
# tools/install-deps.sh: debhelper, dpkg-dev, fakeroot, lintian and Ninja
# (debian/rules builds with it). Not needed for the build or the tests.
# Idempotent; uses sudo only when not running as root. Then:
#   DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -b -us -uc && lintian ../papers_*.deb
set -euo pipefail

packages=(debhelper dpkg-dev fakeroot lintian ninja-build)
missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-package-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-package-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-package-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
