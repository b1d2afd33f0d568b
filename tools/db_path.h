// Where the index lives: --db DIR, else $PAPERS_DB, else
// $XDG_DATA_HOME/papers/index, else ~/.local/share/papers/index.
#pragma once

#include <functional>
#include <string>

#include "analyzers/error.h"

namespace papers::cli {

// Looks up an environment variable; nullptr when unset. std::getenv by default,
// replaceable so the resolution order can be tested without touching the
// process environment.
using EnvLookup = std::function<const char*(const char*)>;

// Error kind: BadInput when nothing names a directory (no --db, no
// $PAPERS_DB, no $XDG_DATA_HOME and no $HOME). Empty variables count as unset;
// a relative $XDG_DATA_HOME is ignored, as the XDG base directory spec says.
Result<std::string> resolve_db_path(const std::string& flag, const EnvLookup& env = {});

}  // namespace papers::cli
