# fish completion for papers(1): subcommands, their flags and the values of
# --sort, --color and --format. Installed as
# share/fish/vendor_completions.d/papers.fish.

set -l commands search author show similar glossary stats index fetch update rebuild serve mirror
set -l readers search author show similar glossary stats
complete -c papers -f

complete -c papers -n "not __fish_seen_subcommand_from $commands" -a search -d 'full-text search, best matches first'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a author -d 'every paper by an author, newest first'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a show -d 'one paper in full, by arXiv id'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a similar -d 'the papers most like one'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a glossary -d 'Korean-English term pairs'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a stats -d 'what the index holds'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a index -d 'index digest files or directories'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a fetch -d 'download new daily digests'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a update -d 'fetch new digests, index what changed'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a rebuild -d 'fresh compact index, swapped in'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a serve -d 'serve the index to other machines'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -a mirror -d 'keep a local copy of a served index'
complete -c papers -n "not __fish_seen_subcommand_from $commands" -l version -d 'print the version'
complete -c papers -s h -l help -d 'show the flags'

# --db, --json, --color: every command that reads, and index.
complete -c papers -n "__fish_seen_subcommand_from $readers index update rebuild serve mirror" -l db -r -a '(__fish_complete_directories)' -d 'index directory (readers: or tcp://HOST:PORT, several)'
complete -c papers -n "__fish_seen_subcommand_from $commands" -l json -d 'print one JSON object'
complete -c papers -n "__fish_seen_subcommand_from $readers index" -l color -x -a 'auto always never' -d 'when to colour'
complete -c papers -n "__fish_seen_subcommand_from $readers" -l no-pager -d 'do not page text on a terminal'
complete -c papers -n "__fish_seen_subcommand_from search author similar" -l format -x -a 'text oneline json' -d 'output format'
complete -c papers -n "__fish_seen_subcommand_from search author similar glossary" -l limit -x -d 'results per page'
complete -c papers -n "__fish_seen_subcommand_from search similar" -l offset -x -d 'skip this many results'
complete -c papers -n "__fish_seen_subcommand_from search similar" -l votes-weight -x -d 'weight of the votes'
complete -c papers -n "__fish_seen_subcommand_from search similar" -l explain -d 'show why each paper matched'
complete -c papers -n "__fish_seen_subcommand_from search" -l sort -x -a 'relevance votes date' -d 'order'
complete -c papers -n "__fish_seen_subcommand_from search" -l every-word -d 'only papers with every word'
complete -c papers -n "__fish_seen_subcommand_from search" -l no-synonyms -d 'no glossary expansion'

complete -c papers -n "__fish_seen_subcommand_from index" -l force -d 're-index unchanged files'
complete -c papers -n "__fish_seen_subcommand_from update rebuild" -l force -d 'replace the index even if it would lose most papers'
complete -c papers -n "__fish_seen_subcommand_from index update rebuild" -l wait -d 'wait for another writer'
complete -c papers -n "__fish_seen_subcommand_from index" -F -d 'digest file or directory'

complete -c papers -n "__fish_seen_subcommand_from fetch update rebuild" -l corpus -r -a '(__fish_complete_directories)' -d 'corpus directory'
complete -c papers -n "__fish_seen_subcommand_from fetch update" -l from -x -d 'first day, YYYY-MM-DD'
complete -c papers -n "__fish_seen_subcommand_from fetch update" -l to -x -d 'last day, YYYY-MM-DD'
complete -c papers -n "__fish_seen_subcommand_from fetch update" -l base-url -x -d 'where paper_logs/ are'
complete -c papers -n "__fish_seen_subcommand_from fetch update" -l parallel -x -d 'transfers at once'
complete -c papers -n "__fish_seen_subcommand_from fetch update" -l attempts -x -d 'tries per day'
complete -c papers -n "__fish_seen_subcommand_from fetch update" -l timeout -x -d 'seconds per attempt'
complete -c papers -n "__fish_seen_subcommand_from fetch update rebuild serve mirror" -l quiet -d 'log warnings and errors only'
complete -c papers -n "__fish_seen_subcommand_from fetch update rebuild serve mirror" -l verbose -d 'log more'

complete -c papers -n "__fish_seen_subcommand_from serve" -l port -x -d 'TCP port to listen on'
complete -c papers -n "__fish_seen_subcommand_from serve" -l interface -x -a '(__fish_print_hostnames)' -d 'address to listen on'
complete -c papers -n "__fish_seen_subcommand_from serve" -l replication -d 'serve copies for papers mirror'
complete -c papers -n "__fish_seen_subcommand_from serve" -l idle-timeout -x -d 'seconds a connection may idle'
complete -c papers -n "__fish_seen_subcommand_from serve" -l active-timeout -x -d 'seconds a request may take'
complete -c papers -n "__fish_seen_subcommand_from mirror" -l from -x -a '(__fish_print_hostnames)' -d 'HOST:PORT of papers serve --replication'
complete -c papers -n "__fish_seen_subcommand_from mirror" -l once -d 'sync once and exit'
complete -c papers -n "__fish_seen_subcommand_from mirror" -l interval -x -d 'seconds between syncs'
complete -c papers -n "__fish_seen_subcommand_from mirror" -l timeout -x -d 'seconds a read may wait'
complete -c papers -n "__fish_seen_subcommand_from mirror" -l reader-time -x -d 'seconds between changesets'
