// What `papers fetch` shares with the commands that fetch first (update):
// the fetch flags, the request they make, a run with a progress bar and log
// lines on stderr, and the one-line summary.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "indexer/fetcher.h"
#include "tools/log.h"

namespace papers::cli {

struct FetchFlags {
    std::string corpus;  // --corpus; empty: the XDG default (db_path.h)
    std::optional<std::string> from, to;
    std::string base_url = kDefaultBaseUrl;
    unsigned parallel = 4;
    unsigned attempts = 4;
    double timeout_seconds = 60;
    bool quiet = false;
    bool verbose = false;
};

// Adds --corpus, --from, --to, --base-url, --parallel, --attempts, --timeout,
// --quiet and --verbose; dates, URL schemes and ranges are checked by CLI11
// (a usage error, exit 2).
void add_fetch_flags(CLI::App& command, FetchFlags& flags);

Verbosity verbosity_of(const FetchFlags& flags);

// The request the flags describe. Error kind: BadInput (no corpus directory).
Result<FetchRequest> make_fetch_request(const FetchFlags& flags);

// fetch_digests with a progress bar on stderr when it is a terminal (unless
// quiet) and the library's log lines through `logger`.
Result<FetchReport> fetch_with_progress(const FetchRequest& request, const Logger& logger,
                                        bool quiet);

// "fetched 3, unchanged 160, missing 8, failed 0; 64.2 KiB in 1.3 s"
std::string fetch_summary(const FetchReport& report);

}  // namespace papers::cli
