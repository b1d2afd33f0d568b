#!/usr/bin/env bash
# The man page cannot drift from --help: every flag each subcommand's --help
# lists is in papers.1, in that subcommand's section or under COMMON OPTIONS;
# every subcommand has a section; the page renders with `man -l` without a
# warning (as lintian checks it); its version is the binary's. Also: no
# --help footer or description advertises a flag its command rejects.
# Usage: man_page_test.sh PAPERS SOURCE_DIR
set -uo pipefail
papers=$1
page=$2/doc/papers.1
. "$(dirname "$0")/help_flags.sh"

# The roff source with \- as -, one section per subcommand (".SS papers CMD").
text=$(sed 's/\\-/-/g' "$page")
section() {
    awk -v cmd="$1" '/^\.S[SH] /{on = ($0 ~ "^\\.SS \"papers " cmd " ")} on' <<<"$text"
}
common=$(awk '/^\.SH COMMON OPTIONS/{on=1; next} /^\.SH /{on=0} on' <<<"$text")

for cmd in $subcommands; do
    body=$(section "$cmd")
    [[ -n $body ]] || fail "papers.1 has no section for papers $cmd"
    while read -r flag; do
        grep -qF -- "$flag" <<<"$body" || grep -qF -- "$flag" <<<"$common" ||
            fail "papers $cmd $flag is not in papers.1"
    done < <(help_flags "$cmd")
    # A footer must not advertise what the command rejects.
    accepted=$(help_flags "$cmd")
    while read -r flag; do
        grep -qxF -- "$flag" <<<"$accepted" ||
            fail "papers $cmd --help mentions $flag, which papers $cmd rejects"
    done < <(help_mentions "$cmd")
done

version=$("$papers" --version)
grep -qF "\"papers $version\"" "$page" || fail "papers.1 is not for version $version"

if command -v man >/dev/null; then
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man -l warns: $warnings"
    man -l "$page" 2>/dev/null | grep -q "EXIT STATUS" || fail "man -l does not render the page"
else
    echo "man is not installed: rendering not checked (tools/install-deps.sh installs man-db)"
fi

((failures == 0)) || exit 1
echo "papers.1 documents every flag of every subcommand"
