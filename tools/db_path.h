// Where the index lives: --db DIR, else $PAPERS_DB, else
// $XDG_DATA_HOME/papers/index, else ~/.local/share/papers/index. Where fetched
// digests live: --corpus DIR, else $XDG_DATA_HOME/papers/corpus, else
// ~/.local/share/papers/corpus.
#pragma once

#include <string>

#include "analyzers/error.h"

namespace papers::cli {

// Empty variables count as unset; a relative $XDG_DATA_HOME is ignored, as
// the XDG base directory spec says. Error kind: BadInput when nothing names
// a directory (no --db, $PAPERS_DB, $XDG_DATA_HOME or $HOME).
Result<std::string> resolve_db_path(const std::string& flag);

// resolve_db_path() for a command that writes the index: a remote index
// (tcp://HOST:PORT) is an error of kind BadQuery (a usage error), since
// only a local directory can be written.
Result<std::string> resolve_writable_db_path(const std::string& flag);

// The same rules for the corpus directory (no environment variable of its own).
Result<std::string> resolve_corpus_dir(const std::string& flag);

// The rules above, for --help footers.
inline constexpr const char* kIndexLocationHelp =
    "The index lives in --db DIR, else $PAPERS_DB, else $XDG_DATA_HOME/papers/index,\n"
    "else ~/.local/share/papers/index.";
inline constexpr const char* kCorpusLocationHelp =
    "Fetched digests live in --corpus DIR, else $XDG_DATA_HOME/papers/corpus, else\n"
    "~/.local/share/papers/corpus.";

}  // namespace papers::cli
