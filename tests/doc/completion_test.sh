#!/usr/bin/env bash
# The bash completion, called as bash calls it (COMP_WORDS, COMP_CWORD):
# subcommands, each subcommand's flags (exactly those its --help lists),
# the values of --sort, --color and --format. The zsh and fish completions
# name every flag too, and parse (where zsh and fish are installed).
# Usage: completion_test.sh PAPERS SOURCE_DIR
set -uo pipefail
papers=$1
source_dir=$2
. "$(dirname "$0")/help_flags.sh"
. "$source_dir/completions/papers.bash"

# complete WORD... : the candidates for the last word, sorted, one a line.
complete_words() {
    COMP_WORDS=(papers "$@")
    COMP_CWORD=$#
    COMP_LINE="papers $*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _papers papers "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort
}

expect() {
    local want=$1
    shift
    local got
    got=$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')
    [[ $got == "$want" ]] || fail "papers $* <TAB>: want '$want', got '$got'"
}

expect "search serve show similar stats" s
expect "search" sea
expect "author" au
expect "--help --version" --
expect "date relevance votes" search --sort ""
expect "votes" search --sort v
expect "always auto" search --color a
expect "json oneline text" search --format ""
expect "--every-word --explain" search x --e
expect "--no-pager --no-synonyms" search --no
expect "--quiet" update --q
expect "" search --limit ""

for cmd in $subcommands; do
    want=$(help_flags "$cmd" | tr '\n' ' ')
    got=$(complete_words "$cmd" - | tr '\n' ' ')
    [[ $got == "$want" ]] || fail "papers $cmd -<TAB>: want '$want' (--help), got '$got'"
    for file in _papers papers.fish; do
        while read -r flag; do
            name=${flag#--}
            grep -qE -- "(--|-l )$name([^a-z-]|\$)" "$source_dir/completions/$file" ||
                fail "completions/$file lacks $flag ($cmd)"
        done < <(help_flags "$cmd")
    done
done

if command -v zsh >/dev/null; then
    zsh -n "$source_dir/completions/_papers" || fail "zsh cannot parse completions/_papers"
fi
if command -v fish >/dev/null; then
    fish -n "$source_dir/completions/papers.fish" || fail "fish cannot parse completions/papers.fish"
fi

((failures == 0)) || exit 1
echo "bash completion: subcommands, flags and choices as --help says"
