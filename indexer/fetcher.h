// Downloads daily digests from the upstream archive (or any mirror of its
// layout) into a local corpus directory, with libcurl's multi interface.
//
//   <base_url>/paper_logs/YYYY/MM/DD.md  ->  <corpus_dir>/paper_logs/YYYY/MM/DD.md
//
// Robust by design: a 404 is a day without a digest (recorded, not an
// error); 5xx, timeouts and resets are retried with exponential backoff and
// jitter; conditional requests (ETag / Last-Modified kept per file) skip an
// unchanged day; a file is written to a temporary name and renamed into
// place only when complete, valid UTF-8 and parseable as a digest, so a
// truncated or garbage response never replaces a good file.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/error.h"

namespace papers {

inline constexpr const char* kDefaultBaseUrl =
    "https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main";
// Where a corpus with no digests yet starts: the first day of upstream's archive
// that papers knows to parse (documented in the README).
inline constexpr const char* kDefaultFirstDay = "2023-11-20";

enum class LogLevel { Debug, Info, Warning, Error };
using FetchLog = std::function<void(LogLevel level, const std::string& message)>;

struct FetchRequest {
    std::string corpus_dir;           // holds paper_logs/YYYY/MM/DD.md
    std::optional<std::string> from;  // YYYY-MM-DD; default: the day after the newest day present
    std::optional<std::string> to;    // YYYY-MM-DD; default: today (UTC)
    std::string base_url = kDefaultBaseUrl;  // http, https or file URLs only
    unsigned parallel = 4;                   // concurrent transfers
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 60'000;  // per attempt
    uint64_t max_bytes = 8u << 20;   // larger responses are refused
    unsigned max_attempts = 4;       // per day, for transient failures
    long retry_base_ms = 500;        // backoff: base * 2^(attempt-1), plus jitter
    long max_redirects = 5;
};

enum class DayOutcome {
    Fetched,    // new or changed: written to the corpus
    Unchanged,  // 304, or the same bytes as the file on disk
    Missing,    // 404: no digest that day
    Failed,     // gave up (after retries, or a response that is not a valid digest)
};

struct DayResult {
    std::string date;  // YYYY-MM-DD
    DayOutcome outcome = DayOutcome::Failed;
    std::string path;     // the corpus file (Fetched/Unchanged)
    std::string message;  // why, for Failed (and notes for the others)
    uint64_t bytes = 0;   // downloaded
    unsigned attempts = 0;
};

struct FetchReport {
    std::vector<DayResult> days;  // in date order
    size_t fetched = 0, unchanged = 0, missing = 0, failed = 0;
    uint64_t bytes = 0;
    double seconds = 0;
    std::vector<std::string> changed_files;  // the Fetched paths, for incremental indexing
};

using FetchProgress = std::function<void(size_t done, size_t total, const DayResult& day)>;

// True for http://, https:// and file:// URLs (the scheme in any case).
bool is_supported_fetch_url(const std::string& url);

// "fetched", "unchanged", "missing", "failed": for logs and JSON.
const char* outcome_name(DayOutcome outcome);

// Error kinds: BadQuery (a bad date, --from after --to, a range of more
// than ten years: usage errors), BadInput (unsupported URL scheme, unusable
// corpus directory). Per-day failures are not errors: they are in the report.
Result<FetchReport> fetch_digests(const FetchRequest& request, const FetchProgress& progress = {},
                                  const FetchLog& log = {});

}  // namespace papers
