#!/usr/bin/env bash
# `cmake --install` into a temporary prefix gives a papers that works from
# there: the binary, man page, three completions, systemd user units and the
# README where the README's install section says; the binary has no RPATH,
# runs from an empty directory with a clean environment, indexes and searches
# the shipped sample, and the installed man page and bash completion work.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source_dir=$2
prefix=$(mktemp -d "${TMPDIR:-/tmp}/papers-install-XXXXXX")
trap 'rm -rf "$prefix"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

cmake --install "$build" --prefix "$prefix/usr" >"$prefix/install.log"

for file in bin/papers share/man/man1/papers.1 share/bash-completion/completions/papers \
    share/zsh/site-functions/_papers share/fish/vendor_completions.d/papers.fish \
    lib/systemd/user/papers-update.service lib/systemd/user/papers-update.timer \
    share/doc/papers/README.md share/papers/sample/2024-09-25.md share/papers/sample/LICENSE; do
    [[ -f $prefix/usr/$file ]] || fail "not installed: $file"
done
[[ -x $prefix/usr/bin/papers ]] || fail "bin/papers is not executable"
grep -qx "ExecStart=$prefix/usr/bin/papers update" "$prefix/usr/lib/systemd/user/papers-update.service" ||
    fail "the installed service does not run the installed papers"

# No RPATH/RUNPATH, and no string naming the build tree's binary directory.
if readelf -d "$prefix/usr/bin/papers" | grep -qE 'RPATH|RUNPATH'; then
    fail "bin/papers has an RPATH: $(readelf -d "$prefix/usr/bin/papers" | grep -E 'RPATH|RUNPATH')"
fi

# Run it from an empty directory with a clean environment, HOME in the prefix.
work=$prefix/work
mkdir -p "$work/home"
cp "$prefix/usr/share/papers/sample/2024-09-25.md" "$work/"
run() {
    (cd "$work" && env -i PATH="$prefix/usr/bin:/usr/bin:/bin" HOME="$work/home" LANG=C.UTF-8 "$@")
}
version=$(run papers --version) || fail "papers --version failed"
[[ -n $version ]] || fail "papers --version printed nothing"
run papers index 2024-09-25.md >/dev/null || fail "installed papers cannot index the sample"
[[ -d $work/home/.local/share/papers/index ]] || fail "the index is not under ~/.local/share/papers"
run papers search --format oneline HelloBench | grep -q $'^2409.16191\t2024-09-25\t' ||
    fail "installed papers cannot search the sample"
run papers show https://huggingface.co/papers/2409.16191 | grep -q HelloBench ||
    fail "installed papers cannot show the sample's paper"

if command -v man >/dev/null; then
    MANPATH="$prefix/usr/share/man" man papers 2>/dev/null | grep -q "EXIT STATUS" ||
        fail "man papers does not find the installed page"
fi
# The installed bash completion completes subcommands.
completed=$(bash -c '. "$1"; COMP_WORDS=(papers sea); COMP_CWORD=1; _papers; echo "${COMPREPLY[*]}"' \
    _ "$prefix/usr/share/bash-completion/completions/papers")
[[ $completed == search ]] || fail "the installed bash completion gives '$completed' for 'papers sea'"

((failures == 0)) || exit 1
echo "installed into $prefix/usr: papers $version works from there"
