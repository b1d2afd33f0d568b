// fetch_digests on the real digests of ../shared/corpus, served over loopback
// HTTP and read through file:// URLs. Skipped where ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "indexer/corpus_days.h"
#include "tests/fetch/fault_server.h"
#include "tests/fetch/fetch_test_util.h"

namespace papers::test {
namespace {

namespace fs = std::filesystem;

// Every digest of the shared corpus between two days, as relative paths.
std::vector<std::string> shared_days(const std::string& from, const std::string& to) {
    std::vector<std::string> days;
    for (Day d = *parse_day(from); !(*parse_day(to) < d); d = next_day(d))
        if (fs::exists(shared_root() + "/" + digest_relative_path(d)))
            days.push_back(format_day(d));
    return days;
}

void expect_same_files(const std::string& corpus, const std::vector<std::string>& days) {
    for (const auto& date : days)
        ASSERT_EQ(slurp(corpus + "/" + relative_digest(date)),
                  slurp(shared_root() + "/" + relative_digest(date)))
            << date;
}

TEST(SharedFetch, TwoWeeksOverHttpWithWeekendsMissing) {
    PAPERS_REQUIRE_SHARED();
    FaultServer server(shared_root());
    TempDir dir;
    const std::string corpus = dir.path() + "/corpus";
    const auto request = fast_request(corpus, server.base_url(), "2024-08-01", "2024-08-14");
    const auto report = fetch_ok(request);
    const auto present = shared_days("2024-08-01", "2024-08-14");
    ASSERT_EQ(report.days.size(), 14u);
    EXPECT_EQ(report.fetched, present.size());
    EXPECT_EQ(report.missing, 14 - present.size());
    EXPECT_GT(report.missing, 0u);  // 2024-08-03 and 04 are a weekend
    EXPECT_EQ(day_of(report, "2024-08-03").outcome, DayOutcome::Missing);
    expect_same_files(corpus, present);

    const auto again = fetch_ok(request);
    EXPECT_EQ(again.unchanged, present.size());
    EXPECT_EQ(again.fetched, 0u);
}

TEST(SharedFetch, BuildsTheFullCorpus) {
    PAPERS_REQUIRE_SHARED();
    FaultServer server(shared_root());
    TempDir dir;
    const std::string corpus = dir.path() + "/corpus";
    auto request = fast_request(corpus, server.base_url(), kDefaultFirstDay, "2024-08-30");
    request.from.reset();  // an empty corpus starts at kDefaultFirstDay
    request.parallel = 8;
    const auto report = fetch_ok(request);
    const auto present = shared_days(kDefaultFirstDay, "2024-08-30");
    EXPECT_EQ(present.size(), 180u);
    EXPECT_EQ(report.fetched, 180u);
    EXPECT_EQ(report.failed, 0u);
    EXPECT_EQ(report.fetched + report.missing, report.days.size());
    expect_same_files(corpus, present);
    EXPECT_EQ(format_day(*newest_day_present(corpus)), "2024-08-30");
}

TEST(SharedFetch, FileUrlOfTheSharedCorpus) {
    PAPERS_REQUIRE_SHARED();
    TempDir dir;
    const std::string corpus = dir.path() + "/corpus";
    const auto report =
        fetch_ok(fast_request(corpus, "file://" + shared_root(), "2024-08-01", "2024-08-14"));
    const auto present = shared_days("2024-08-01", "2024-08-14");
    EXPECT_EQ(report.fetched, present.size());
    EXPECT_EQ(report.missing, 14 - present.size());
    expect_same_files(corpus, present);
}

}  // namespace
}  // namespace papers::test
