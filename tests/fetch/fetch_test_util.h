// What the fetch tests share: a temporary corpus, fast request settings, and
// lookups into a report.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "indexer/fetcher.h"
#include "tests/e2e/cli_runner.h"
#include "tests/test_paths.h"

namespace papers::test {

// tests/fixtures/fetch: three small days, 2024-10-01, 02 and 04.
inline std::string tiny_root() {
    return (fixtures_dir() / "fetch").string();
}
// ../shared/corpus/daily_papers_ko (holds paper_logs/).
inline std::string shared_root() {
    return shared_corpus_dir().parent_path().string();
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

inline std::string relative_digest(const std::string& date) {
    return "paper_logs/" + date.substr(0, 4) + "/" + date.substr(5, 2) + "/" + date.substr(8, 2) +
           ".md";
}

// Small timeouts and backoff so that fault tests take well under a second.
inline FetchRequest fast_request(const std::string& corpus, const std::string& base,
                                 const std::string& from, const std::string& to) {
    FetchRequest request;
    request.corpus_dir = corpus;
    request.base_url = base;
    request.from = from;
    request.to = to;
    request.parallel = 4;
    request.connect_timeout_ms = 1000;
    request.total_timeout_ms = 1500;
    request.retry_base_ms = 20;
    request.max_attempts = 3;
    request.max_bytes = 1u << 20;
    return request;
}

inline const DayResult& day_of(const FetchReport& report, const std::string& date) {
    for (const auto& day : report.days)
        if (day.date == date) return day;
    throw std::runtime_error("no day " + date + " in the report");
}

inline FetchReport fetch_ok(const FetchRequest& request) {
    auto result = fetch_digests(request);
    if (!result) throw std::runtime_error("fetch_digests failed: " + result.error().message);
    return *result;
}

}  // namespace papers::test
