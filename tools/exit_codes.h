// The exit status of `papers`, one table for every subcommand. Scripts rely on
// these numbers; `papers --help` prints kExitCodeHelp, which says what each
// means (and the README and the man page say it again, at more length).
#pragma once

#include <string>

#include "analyzers/error.h"

namespace papers::cli {

enum ExitCode : int {
    kExitOk = 0,
    kExitNothingFound = 1,
    kExitUsage = 2,
    kExitNoIndex = 3,
    kExitIndexError = 4,
    kExitSomeFailed = 5,
    kExitBusy = 6,
};

inline constexpr const char* kExitCodeHelp =
    "Exit status:\n"
    "  0  success (index: done, even if some blocks were reported and skipped)\n"
    "  1  nothing found (search/author/glossary without a match, show/similar with\n"
    "     an unknown id)\n"
    "  2  usage error or query syntax error\n"
    "  3  no index yet: build one with `papers index PATH`\n"
    "  4  the index could not be read or written (or is of another schema version:\n"
    "     run papers rebuild), an input path is missing,\n"
    "     a digest file could not be read, the output could not be written,\n"
    "     or a rebuild or update would have lost most papers (see their --help)\n"
    "  5  fetch: some days could not be downloaded (the others were)\n"
    "  6  busy: another papers update, rebuild or index is writing the index";

ExitCode exit_code_for(ErrorKind kind);

// Prints `error` on stderr as a user-facing message (for NoIndex, with the
// command that builds an index at `db_path`) and returns its exit code.
ExitCode report(const Error& error, const std::string& db_path);

// Prints a "nothing found" note on stderr and returns kExitNothingFound.
ExitCode report_nothing_found(const std::string& message);

}  // namespace papers::cli
