# Sourced by the tests in this folder: what `papers CMD --help` says.
# $papers is the binary.

subcommands="search author show similar glossary stats index fetch update rebuild"

# The flags CMD takes, one a line, as its --help lists them ("-h,--help" gives
# --help; the short forms are left out).
help_flags() {
    "$papers" "$1" --help | sed -n '/^Options:/,/^$/p' |
        grep -oE '^ +(-[a-zA-Z], ?)?--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*' | sort -u
}

# Every --flag CMD's --help mentions anywhere (descriptions and footer too).
help_mentions() {
    "$papers" "$1" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u
}

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
