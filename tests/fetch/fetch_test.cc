// fetch_digests against tests/fetch/fault_server.py on loopback, serving the
// tiny fixture corpus (tests/fixtures/fetch), so these run in any clone.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "indexer/fetch_state.h"
#include "tests/fetch/fault_server.h"
#include "tests/fetch/fetch_test_util.h"

namespace papers::test {
namespace {

namespace fs = std::filesystem;

class FetchTest : public ::testing::Test {
  protected:
    std::string corpus() const { return dir_.path() + "/corpus"; }
    std::string local(const std::string& date) const {
        return corpus() + "/" + relative_digest(date);
    }
    std::string served(const std::string& date) const {
        return slurp(tiny_root() + "/" + relative_digest(date));
    }
    FetchRequest request(const std::string& from = "2024-10-01",
                         const std::string& to = "2024-10-04") const {
        return fast_request(corpus(), server_.base_url(), from, to);
    }

    FaultServer server_{tiny_root()};

  private:
    TempDir dir_;
};

TEST_F(FetchTest, FetchesEachDayByteIdenticalAndRecordsMissingDays) {
    const auto report = fetch_ok(request());
    ASSERT_EQ(report.days.size(), 4u);
    EXPECT_EQ(report.fetched, 3u);
    EXPECT_EQ(report.missing, 1u);
    EXPECT_EQ(report.failed, 0u);
    EXPECT_EQ(report.days[2].date, "2024-10-03");  // date order
    EXPECT_EQ(report.days[2].outcome, DayOutcome::Missing);
    for (const char* date : {"2024-10-01", "2024-10-02", "2024-10-04"}) {
        EXPECT_EQ(day_of(report, date).outcome, DayOutcome::Fetched) << date;
        EXPECT_EQ(day_of(report, date).path, local(date));
        EXPECT_EQ(slurp(local(date)), served(date)) << date;
    }
    EXPECT_FALSE(fs::exists(local("2024-10-03")));
    EXPECT_EQ(report.changed_files.size(), 3u);
    EXPECT_EQ(report.bytes, served("2024-10-01").size() + served("2024-10-02").size() +
                                served("2024-10-04").size() + 15 /* the 404 page */);
    EXPECT_TRUE(fs::exists(corpus() + "/" + kFetchStateFile));
}

TEST_F(FetchTest, SecondRunDownloadsNothing) {
    fetch_ok(request());
    const auto again = fetch_ok(request());
    EXPECT_EQ(again.fetched, 0u);
    EXPECT_EQ(again.unchanged, 3u);
    EXPECT_EQ(again.missing, 1u);
    EXPECT_TRUE(again.changed_files.empty());
    for (const char* date : {"2024-10-01", "2024-10-02", "2024-10-04"}) {
        EXPECT_EQ(day_of(again, date).bytes, 0u) << "a 304 has no body";
        EXPECT_EQ(day_of(again, date).attempts, 1u);
    }
}

TEST_F(FetchTest, WithoutTheStateFileSameBytesCountAsUnchanged) {
    fetch_ok(request());
    fs::remove(corpus() + "/" + kFetchStateFile);
    const auto again = fetch_ok(request());
    EXPECT_EQ(again.fetched, 0u);
    EXPECT_EQ(again.unchanged, 3u);
}

TEST_F(FetchTest, MalformedStateFileIsIgnoredWithAWarning) {
    fetch_ok(request());
    std::ofstream(corpus() + "/" + kFetchStateFile) << "{not json";
    std::vector<std::string> warnings;
    const auto again = fetch_digests(request(), {}, [&](LogLevel level, const std::string& m) {
        if (level == LogLevel::Warning) warnings.push_back(m);
    });
    ASSERT_TRUE(again);
    EXPECT_EQ(again->unchanged, 3u);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("malformed"), std::string::npos);
}

TEST_F(FetchTest, DeletedLocalFileIsDownloadedAgain) {
    fetch_ok(request());
    fs::remove(local("2024-10-02"));
    const auto again = fetch_ok(request());
    EXPECT_EQ(day_of(again, "2024-10-02").outcome, DayOutcome::Fetched);
    EXPECT_EQ(slurp(local("2024-10-02")), served("2024-10-02"));
}

TEST_F(FetchTest, ServerErrorsThenSuccessAreRetried) {
    server_.set_fault("2024-10-02", "500-then-ok", 2);
    const auto report = fetch_ok(request());
    const auto& day = day_of(report, "2024-10-02");
    EXPECT_EQ(day.outcome, DayOutcome::Fetched) << day.message;
    EXPECT_EQ(day.attempts, 3u);
    EXPECT_EQ(server_.requests("2024-10-02"), 3);
    EXPECT_EQ(slurp(local("2024-10-02")), served("2024-10-02"));
}

TEST_F(FetchTest, PersistentServerErrorFailsThatDayOnly) {
    server_.set_fault("2024-10-02", "500");
    const auto report = fetch_ok(request());
    const auto& day = day_of(report, "2024-10-02");
    EXPECT_EQ(day.outcome, DayOutcome::Failed);
    EXPECT_EQ(day.attempts, 3u);
    EXPECT_NE(day.message.find("HTTP 500"), std::string::npos) << day.message;
    EXPECT_EQ(report.failed, 1u);
    EXPECT_EQ(report.fetched, 2u);
    EXPECT_FALSE(fs::exists(local("2024-10-02")));
}

TEST_F(FetchTest, RetriesBackOffExponentially) {
    server_.set_fault("2024-10-02", "500");
    auto slow = request("2024-10-02", "2024-10-02");
    slow.retry_base_ms = 200;  // waits >= 100 + 200 ms (half of each delay is fixed)
    const auto start = std::chrono::steady_clock::now();
    const auto report = fetch_ok(slow);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(report.failed, 1u);
    EXPECT_GE(elapsed, std::chrono::milliseconds(300));
}

TEST_F(FetchTest, HangPastTheTimeoutFailsWhileOtherDaysSucceed) {
    server_.set_fault("2024-10-01", "hang");
    auto req = request();
    req.total_timeout_ms = 600;
    req.max_attempts = 2;
    const auto start = std::chrono::steady_clock::now();
    const auto report = fetch_ok(req);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const auto& day = day_of(report, "2024-10-01");
    EXPECT_EQ(day.outcome, DayOutcome::Failed);
    EXPECT_EQ(day.attempts, 2u);
    EXPECT_NE(day.message.find("imeout"), std::string::npos) << day.message;
    EXPECT_EQ(report.fetched, 2u);
    EXPECT_LT(elapsed, std::chrono::seconds(4)) << "the hang lasts 5 s; the timeout must cut it";
}

// Fetch clean, then serve a bad response with a new ETag: the day fails and
// the good file stays, byte for byte.
struct Fault {
    const char* mode;
    const char* message;  // part of the day's message
    unsigned attempts;    // transient faults are retried
};

// For test names and failure messages (gtest would print the bytes).
void PrintTo(const Fault& fault, std::ostream* out) {
    *out << fault.mode;
}

class FaultTest : public FetchTest, public ::testing::WithParamInterface<Fault> {};

TEST_P(FaultTest, NeverReplacesAGoodFile) {
    const Fault& fault = GetParam();
    fetch_ok(request());
    const std::string good = slurp(local("2024-10-02"));
    ASSERT_EQ(good, served("2024-10-02"));

    server_.set_fault("2024-10-02", fault.mode);
    const auto report = fetch_ok(request());
    const auto& day = day_of(report, "2024-10-02");
    EXPECT_EQ(day.outcome, DayOutcome::Failed);
    EXPECT_NE(day.message.find(fault.message), std::string::npos) << day.message;
    EXPECT_EQ(day.attempts, fault.attempts);
    EXPECT_EQ(slurp(local("2024-10-02")), good);
    EXPECT_EQ(report.unchanged, 2u);
    // No temporary file is left behind.
    for (const auto& entry : fs::directory_iterator(fs::path(local("2024-10-02")).parent_path()))
        EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();

    // And once the fault is gone, the day is fine again (the validators of the
    // good file were kept).
    server_.set_fault("2024-10-02", "none");
    const auto healed = fetch_ok(request());
    EXPECT_EQ(day_of(healed, "2024-10-02").outcome, DayOutcome::Unchanged);
}

INSTANTIATE_TEST_SUITE_P(Faults, FaultTest,
                         ::testing::Values(Fault{"truncate", "Transferred a partial file", 3},
                                           Fault{"oversize", "larger than", 1},
                                           Fault{"oversize-nolength", "larger than", 1},
                                           Fault{"invalid-utf8", "not valid UTF-8", 1},
                                           Fault{"garbage", "not a digest", 1},
                                           Fault{"redirect-loop", "redirects", 1}),
                         [](const auto& info) {
                             std::string name = info.param.mode;
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

TEST_F(FetchTest, ChangedDayWithANewETagReplacesTheFile) {
    fetch_ok(request());
    server_.set_fault("2024-10-04", "change");
    const auto report = fetch_ok(request());
    const auto& day = day_of(report, "2024-10-04");
    EXPECT_EQ(day.outcome, DayOutcome::Fetched) << day.message;
    EXPECT_EQ(slurp(local("2024-10-04")), served("2024-10-04") + "\n<!-- changed upstream -->\n");
    ASSERT_EQ(report.changed_files.size(), 1u);
    EXPECT_EQ(report.changed_files[0], local("2024-10-04"));
    // The new ETag is remembered: the next run sends it and gets a 304.
    const auto again = fetch_ok(request());
    EXPECT_EQ(day_of(again, "2024-10-04").outcome, DayOutcome::Unchanged);
    EXPECT_EQ(day_of(again, "2024-10-04").bytes, 0u);
}

TEST_F(FetchTest, DefaultRangeStartsAfterTheNewestDayPresent) {
    fetch_ok(request("2024-10-01", "2024-10-01"));
    auto req = request();
    req.from.reset();
    const auto report = fetch_ok(req);
    ASSERT_EQ(report.days.size(), 3u);
    EXPECT_EQ(report.days.front().date, "2024-10-02");
    EXPECT_EQ(report.days.back().date, "2024-10-04");
    EXPECT_EQ(server_.requests("2024-10-01"), 1);
}

TEST_F(FetchTest, DefaultRangeGoesBackToADayThatFailedLastTime) {
    server_.set_fault("2024-10-02", "500");
    EXPECT_EQ(fetch_ok(request()).failed, 1u);
    server_.set_fault("2024-10-02", "none");
    auto req = request();
    req.from.reset();  // the newest day present is 2024-10-04, but 02 failed
    const auto retry = fetch_ok(req);
    ASSERT_EQ(retry.days.size(), 3u);
    EXPECT_EQ(retry.days.front().date, "2024-10-02");
    EXPECT_EQ(retry.days.front().outcome, DayOutcome::Fetched);
    EXPECT_EQ(retry.failed, 0u);
    EXPECT_TRUE(fetch_ok(req).days.empty()) << "nothing failed any more: up to date";
}

TEST_F(FetchTest, DefaultRangeOfAnEmptyCorpusStartsAtTheFirstDay) {
    auto req = request();
    req.from.reset();
    req.to = "2023-11-21";
    const auto report = fetch_ok(req);
    ASSERT_EQ(report.days.size(), 2u);
    EXPECT_EQ(report.days.front().date, kDefaultFirstDay);
}

TEST_F(FetchTest, UpToDateCorpusFetchesNothing) {
    fetch_ok(request());
    auto req = request();
    req.from.reset();  // newest present is 2024-10-04 == to
    const auto report = fetch_ok(req);
    EXPECT_TRUE(report.days.empty());
}

TEST_F(FetchTest, ProgressIsReportedOncePerDay) {
    std::vector<std::string> seen;
    size_t last_total = 0;
    const auto report =
        fetch_digests(request(), [&](size_t done, size_t total, const DayResult& day) {
            seen.push_back(day.date);
            EXPECT_EQ(done, seen.size());
            last_total = total;
        });
    ASSERT_TRUE(report);
    EXPECT_EQ(seen.size(), 4u);
    EXPECT_EQ(last_total, 4u);
}

TEST_F(FetchTest, OneTransferAtATimeGivesTheSameResult) {
    auto req = request();
    req.parallel = 1;
    const auto report = fetch_ok(req);
    EXPECT_EQ(report.fetched, 3u);
    EXPECT_EQ(report.missing, 1u);
}

TEST_F(FetchTest, LeftoverTemporaryFilesOfAKilledRunAreRemoved) {
    const fs::path dir = fs::path(local("2024-10-01")).parent_path();
    fs::create_directories(dir);
    std::ofstream(dir / ".01.md.tmp-OLD123") << "half a digest";
    std::ofstream(dir / ".02.md.tmp-NEW123") << "being written right now";
    fs::last_write_time(dir / ".01.md.tmp-OLD123",
                        fs::file_time_type::clock::now() - std::chrono::hours(1));
    fetch_ok(request());
    EXPECT_FALSE(fs::exists(dir / ".01.md.tmp-OLD123"));
    EXPECT_TRUE(fs::exists(dir / ".02.md.tmp-NEW123")) << "may be another process's write";
}

TEST(FetchUnreachable, GivesUpOnTheRestWhenTheServerCannotBeReached) {
    TempDir dir;
    // Port 1 on loopback: nothing listens, connections are refused at once.
    auto request =
        fast_request(dir.path() + "/corpus", "http://127.0.0.1:1", "2024-01-01", "2024-02-09");
    request.max_attempts = 2;
    const auto report = fetch_ok(request);
    ASSERT_EQ(report.days.size(), 40u);
    EXPECT_EQ(report.failed, 40u);
    size_t attempts = 0, not_tried = 0;
    for (const auto& day : report.days) {
        attempts += day.attempts;
        if (day.attempts == 0) {
            ++not_tried;
            EXPECT_NE(day.message.find("not tried"), std::string::npos) << day.message;
        }
    }
    EXPECT_GT(not_tried, 20u) << "most days are never tried";
    EXPECT_LE(attempts, 8u + request.parallel);
}

TEST(FetchFileUrl, FetchesFromAFileUrl) {
    TempDir dir;
    const std::string corpus = dir.path() + "/corpus";
    const auto report =
        fetch_ok(fast_request(corpus, "file://" + tiny_root(), "2024-10-01", "2024-10-04"));
    EXPECT_EQ(report.fetched, 3u);
    EXPECT_EQ(report.missing, 1u);
    EXPECT_EQ(slurp(corpus + "/paper_logs/2024/10/04.md"),
              slurp(tiny_root() + "/paper_logs/2024/10/04.md"));
    const auto again =
        fetch_ok(fast_request(corpus, "file://" + tiny_root() + "/", "2024-10-01", "2024-10-04"));
    EXPECT_EQ(again.unchanged, 3u) << "same bytes as on disk";
}

TEST(FetchRequestCheck, RejectsBadInput) {
    TempDir dir;
    const std::string corpus = dir.path() + "/corpus";
    const auto bad = [&](FetchRequest request) {
        const auto result = fetch_digests(request);
        EXPECT_FALSE(result);
        return result ? std::string() : result.error().message;
    };
    const auto base = fast_request(corpus, "http://127.0.0.1:9", "2024-10-01", "2024-10-02");
    for (const char* url : {"ftp://example.com/x", "gopher://x", "scp://host/x", "/just/a/path",
                            "raw.githubusercontent.com/x"}) {
        auto r = base;
        r.base_url = url;
        EXPECT_NE(bad(r).find("only http://"), std::string::npos) << url;
    }
    for (const char* date : {"2024-13-01", "2024-02-30", "24-10-01", "2024-10-1", "yesterday"}) {
        auto r = base;
        r.from = date;
        EXPECT_NE(bad(r).find("YYYY-MM-DD"), std::string::npos) << date;
    }
    auto reversed = base;
    reversed.from = "2024-10-05";
    EXPECT_NE(bad(reversed).find("after"), std::string::npos);
    auto huge = base;
    huge.from = "1990-01-01";
    EXPECT_NE(bad(huge).find("longer than"), std::string::npos);
    // Usage errors (exit 2), not an input that could not be read (exit 4).
    EXPECT_EQ(fetch_digests(reversed).error().kind, ErrorKind::BadQuery);
    EXPECT_EQ(fetch_digests(huge).error().kind, ErrorKind::BadQuery);
    // A local base directory that does not exist is not a day without a digest.
    auto nowhere = base;
    nowhere.base_url = "file:///nonexistent-papers-mirror";
    EXPECT_NE(bad(nowhere).find("no such directory"), std::string::npos);
    EXPECT_EQ(fetch_digests(nowhere).error().kind, ErrorKind::BadInput);
    auto none = base;
    none.parallel = 0;
    EXPECT_FALSE(fetch_digests(none));
    auto file_as_corpus = base;
    file_as_corpus.corpus_dir = tiny_root() + "/README.md";
    EXPECT_NE(bad(file_as_corpus).find("corpus directory"), std::string::npos);
    // Upper-case schemes are still http.
    auto upper = base;
    upper.base_url = "FILE://" + tiny_root();
    EXPECT_TRUE(fetch_digests(upper));
}

}  // namespace
}  // namespace papers::test
