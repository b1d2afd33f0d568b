// What a fetch is asked to do, checked before any transfer: the request's
// settings, the corpus directory, and the range of days (indexer/fetcher.h).
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "analyzers/calendar.h"
#include "analyzers/error.h"
#include "indexer/fetch_state.h"
#include "indexer/fetcher.h"

namespace papers {

// Error kind: BadInput (an unsupported URL, a file:// base that is not a
// directory, parallel or attempts out of range, no corpus directory).
std::optional<Error> check_fetch_request(const FetchRequest& request);

// Creates the corpus directory if needed. Error kind: BadInput (not a
// writable directory).
std::optional<Error> prepare_corpus_dir(const std::string& dir);

// The days to fetch. Default end: today (UTC). Default start: the day after
// the newest digest present, or kDefaultFirstDay, or the earliest day a
// previous run failed or did not finish, whichever is earliest, so that such
// a day is tried again by the next run. Error kind: BadQuery (a bad date,
// --from after --to, a range of more than ten years).
Result<std::pair<Day, Day>> resolve_fetch_range(const FetchRequest& request,
                                                const FetchState& state);

}  // namespace papers
