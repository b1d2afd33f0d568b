# bash completion for papers(1): subcommands, their flags, the values of
# --sort, --color and --format, directories for --db and --corpus, digest
# files for `papers index`. Self-contained (works without the
# bash-completion package); installed as
# share/bash-completion/completions/papers. Each command's flags must match
# its --help: tests/doc/completion_test.sh checks them.

_papers_flags() {
    local common="--db --json --color --help"
    local read="$common --no-pager"
    local fetch="--corpus --from --to --base-url --parallel --attempts --timeout --quiet --verbose --json --help"
    case $1 in
        search) echo "$read --format --limit --offset --votes-weight --explain --sort --every-word --no-synonyms" ;;
        author) echo "$read --format --limit" ;;
        similar) echo "$read --format --limit --offset --votes-weight --explain" ;;
        show | stats) echo "$read" ;;
        glossary) echo "$read --limit" ;;
        index) echo "$common --force --wait" ;;
        fetch) echo "$fetch" ;;
        update) echo "$fetch --db --wait --force" ;;
        rebuild) echo "--db --wait --force --corpus --quiet --verbose --json --help" ;;
        serve) echo "--db --port --interface --replication --idle-timeout --active-timeout --quiet --verbose --help" ;;
        mirror) echo "--from --db --once --interval --timeout --reader-time --quiet --verbose --help" ;;
    esac
}

_papers() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local commands="search author show similar glossary stats index fetch update rebuild serve mirror"
    COMPREPLY=()

    # The subcommand: the first word after papers that is not a flag.
    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) command=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "--help --version" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
        fi
        return 0
    fi

    case $prev in
        --sort) mapfile -t COMPREPLY < <(compgen -W "relevance votes date" -- "$cur"); return 0 ;;
        --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return 0 ;;
        --format) mapfile -t COMPREPLY < <(compgen -W "text oneline json" -- "$cur"); return 0 ;;
        --db | --corpus) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return 0 ;;
        --limit | --offset | --votes-weight | --from | --to | --base-url | --parallel | --attempts | --timeout | \
            --port | --interface | --idle-timeout | --active-timeout | --interval | --reader-time)
            return 0 ;;
    esac

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_papers_flags "$command")" -- "$cur")
    elif [[ $command == index ]]; then
        # Digest files and directories of them.
        mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X '!*.md' -- "$cur")
        compopt -o filenames 2>/dev/null
    fi
    return 0
}

complete -F _papers papers
