// `papers update` and `papers rebuild` as cron runs them, on a synthetic
// upstream served from file:// URLs: searches never fail meanwhile, SIGKILL at
// random moments leaves a searchable index that the next run completes, and a
// second writer is turned away (exit 6) or waits.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "indexer/index_store.h"
#include "indexer/index_writer.h"
#include "query/searcher.h"
#include "tests/e2e/cli_runner.h"
#include "tests/store/store_fixture.h"
#include "tests/test_paths.h"

namespace papers::test {
namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kPapersPerDay = 15;
constexpr int kKills = 10;

class WriterCliTest : public ::testing::Test {
  protected:
    void SetUp() override {
        upstream_ = temp_.path() + "/upstream";
        corpus_ = temp_.path() + "/corpus";
        db_ = temp_.path() + "/index";
        log_ = temp_.path() + "/log";
    }

    // Upstream gains `days` more days.
    void publish_upstream_days(int days) {
        write_corpus(upstream_, days, kPapersPerDay, upstream_days_);
        upstream_days_ += days;
    }
    size_t expected_papers() const { return static_cast<size_t>(upstream_days_) * kPapersPerDay; }

    std::vector<std::string> update_args() const {
        return {"update",
                "--db",
                db_,
                "--corpus",
                corpus_,
                "--base-url",
                "file://" + upstream_,
                "--from",
                day_string(0),
                "--to",
                day_string(upstream_days_ - 1),
                "--quiet"};
    }
    std::vector<std::string> rebuild_args() const {
        return {"rebuild", "--db", db_, "--corpus", corpus_, "--quiet"};
    }
    static std::vector<std::string> argv(std::vector<std::string> args) {
        args.insert(args.begin(), PAPERS_BINARY);
        return args;
    }

    int papers(const std::vector<std::string>& args) { return run_papers(args, log_); }

    std::string log_text() const {
        std::ifstream in(log_);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    double seconds_of(const std::vector<std::string>& args) {
        const auto start = Clock::now();
        EXPECT_EQ(papers(args), 0) << log_text();
        return std::chrono::duration<double>(Clock::now() - start).count();
    }

    // The index holds exactly upstream's papers, once each, and searches.
    void expect_complete(const std::string& when) {
        const IndexHealth health = check_index(db_);
        EXPECT_TRUE(health.opens) << when << ": " << health.error;
        EXPECT_TRUE(health.searchable) << when << ": " << health.error;
        EXPECT_EQ(health.papers, expected_papers()) << when;
        EXPECT_EQ(health.distinct_ids, expected_papers()) << when;
        EXPECT_EQ(health.duplicated_ids, 0u) << when;
    }

    // One generation, the stub, the lock: nothing left over.
    void expect_clean_layout() {
        const auto names = entries(db_);
        EXPECT_EQ(names.size(), 3u) << ::testing::PrintToString(names);
        EXPECT_TRUE(names.count("XAPIANDB"));
        EXPECT_TRUE(live_generation(db_) && names.count(*live_generation(db_)));
    }

    TempDir temp_;
    std::string upstream_, corpus_, db_, log_;
    int upstream_days_ = 0;
};

TEST_F(WriterCliTest, UpdateBuildsTheIndexThenAddsNewDaysIncrementally) {
    publish_upstream_days(6);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    expect_complete("first update");
    EXPECT_EQ(live_generation(db_), "glass-000001");

    publish_upstream_days(1);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    expect_complete("second update");
    EXPECT_EQ(live_generation(db_), "glass-000001") << "an update writes into the live generation";
    expect_clean_layout();
}

TEST_F(WriterCliTest, UpdateReindexesADayChangedUpstream) {
    publish_upstream_days(3);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    const std::string day = upstream_ + "/" + day_path(1);
    std::string text;
    {
        std::ifstream in(day);
        std::ostringstream content;
        content << in.rdbuf();
        text = content.str();
    }
    const std::string title = "Synthetic Paper 1-4:";
    ASSERT_NE(text.find(title), std::string::npos);
    text.replace(text.find(title), title.size(), title + " Zebra");
    std::ofstream(day, std::ios::trunc) << text;

    ASSERT_EQ(papers(update_args()), 0) << log_text();
    expect_complete("after the change");
    auto searcher = Searcher::open(db_);
    ASSERT_TRUE(searcher);
    SearchRequest request;
    request.query = "zebra";
    auto results = (*searcher)->search(request);
    ASSERT_TRUE(results) << results.error().message;
    ASSERT_EQ(results->total, 1u);
    EXPECT_EQ(results->hits[0].paper.arxiv_id, "2401.01004");
}

TEST_F(WriterCliTest, UpdateRebuildsAnIndexOfAnotherSchemaVersion) {
    publish_upstream_days(2);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    auto open_before = Searcher::open(db_);
    ASSERT_TRUE(open_before);
    {
        // As an older papers would have left it.
        Xapian::WritableDatabase db(db_ + "/" + *live_generation(db_), Xapian::DB_OPEN);
        db.set_metadata("papers:schema", "1");
        db.commit();
    }
    EXPECT_EQ(outdated_schema(db_), "1");
    // Every reader refuses it, says which schema it is and what to do: its
    // terms are not the ones this papers looks up.
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"search", "zebra"},
                                               {"author", "Ge Zhang"},
                                               {"show", "2401.01001"},
                                               {"similar", "2401.01001"},
                                               {"glossary"},
                                               {"stats"}}) {
        std::vector<std::string> full = args;
        full.insert(full.begin() + 1, {"--db", db_});
        const RunResult run = run_binary(PAPERS_BINARY, full, {});
        EXPECT_EQ(run.exit_code, 4) << args[0] << ": " << run.err;
        EXPECT_NE(run.err.find("schema 1"), std::string::npos) << args[0] << ": " << run.err;
        EXPECT_NE(run.err.find("run papers rebuild"), std::string::npos)
            << args[0] << ": " << run.err;
    }
    // A reader open before the change meets it on its next lookup.
    const auto stats = (*open_before)->stats();
    ASSERT_FALSE(stats);
    EXPECT_NE(stats.error().message.find("schema 1"), std::string::npos) << stats.error().message;
    // papers index refuses it and says what to do...
    EXPECT_EQ(papers({"index", "--db", db_, corpus_}), 4);
    EXPECT_NE(log_text().find("run papers rebuild"), std::string::npos) << log_text();
    // ...papers update rebuilds it (a new generation), unattended.
    publish_upstream_days(1);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    EXPECT_EQ(outdated_schema(db_), "");
    expect_complete("after the rebuild");
    EXPECT_EQ(live_generation(db_), "glass-000002");
    expect_clean_layout();
}

TEST_F(WriterCliTest, UpdateLogsWithTimestampsAndLevels) {
    publish_upstream_days(2);
    auto args = update_args();
    args.pop_back();  // not --quiet
    const RunResult run = run_binary(PAPERS_BINARY, args, {});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("Z info  updating " + db_), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(std::to_string(2 * kPapersPerDay) + " in the index"), std::string::npos)
        << run.err;
}

TEST_F(WriterCliTest, RebuildConvertsALegacyIndexAndKeepsEveryPaper) {
    publish_upstream_days(5);
    write_corpus(corpus_, 5, kPapersPerDay);
    IndexRequest legacy;  // DIR itself a glass database, as papers index made before stubs
    legacy.db_path = db_;
    legacy.inputs = {corpus_};
    ASSERT_TRUE(index_into(db_, legacy));
    ASSERT_EQ(detect_layout(db_), IndexLayout::Legacy);
    expect_complete("legacy");

    ASSERT_EQ(papers(rebuild_args()), 0) << log_text();
    EXPECT_EQ(detect_layout(db_), IndexLayout::Stub);
    expect_complete("rebuilt");
    expect_clean_layout();
    EXPECT_FALSE(fs::exists(db_ + "/iamglass"));

    ASSERT_EQ(papers(rebuild_args()), 0) << log_text();  // stub to stub
    EXPECT_EQ(live_generation(db_), "glass-000002");
    expect_complete("rebuilt twice");
    expect_clean_layout();
}

// Readers in this process (a fresh Searcher per search, and one kept open) and
// `papers search` processes, counting failures and torn reads while updates
// and rebuilds run. Every update adds two days, so any count a reader sees
// must be a whole number of updates: anything else is a half-published index.
TEST_F(WriterCliTest, SearchesNeverFailDuringUpdatesAndRebuilds) {
    publish_upstream_days(2);
    ASSERT_EQ(papers(update_args()), 0) << log_text();

    std::atomic<bool> stop{false};
    std::atomic<int> searches{0}, failures{0}, torn{0};
    std::mutex mutex;
    std::string first_failure;
    const auto failed = [&](const std::string& why) {
        ++failures;
        std::lock_guard<std::mutex> hold(mutex);
        if (first_failure.empty()) first_failure = why;
    };
    const auto search_with = [&](Searcher& searcher) {
        SearchRequest request;
        request.query = "transformer";
        auto results = searcher.search(request);
        if (!results) return failed(results.error().message);
        if (results->total % (2 * kPapersPerDay) != 0) ++torn;
        ++searches;
    };
    std::vector<std::thread> readers;
    readers.emplace_back([&] {  // opens the path for every search
        while (!stop) {
            auto searcher = Searcher::open(db_);
            if (!searcher)
                failed(searcher.error().message);
            else
                search_with(**searcher);
        }
    });
    readers.emplace_back([&] {  // one Searcher for the whole test
        auto searcher = Searcher::open(db_);
        if (!searcher) return failed(searcher.error().message);
        while (!stop) search_with(**searcher);
    });
    readers.emplace_back([&] {  // the CLI, as a user runs it
        while (!stop) {
            const RunResult run = run_binary(
                PAPERS_BINARY, {"search", "--db", db_, "--limit", "1", "transformer"}, {});
            if (run.exit_code != 0)
                failed("papers search: " + run.err);
            else
                ++searches;
        }
    });

    auto kept = Searcher::open(db_);
    ASSERT_TRUE(kept);
    for (int round = 0; round < 3; ++round) {
        publish_upstream_days(2);
        EXPECT_EQ(papers(update_args()), 0) << log_text();
        EXPECT_EQ(papers(rebuild_args()), 0) << log_text();
    }
    stop = true;
    for (auto& reader : readers) reader.join();
    SearchRequest request;
    request.query = "transformer";
    auto latest = (*kept)->search(request);
    ASSERT_TRUE(latest) << latest.error().message;
    EXPECT_EQ(latest->total, expected_papers()) << "a long-lived Searcher follows the swaps";

    EXPECT_EQ(failures, 0) << first_failure;
    EXPECT_EQ(torn, 0);
    EXPECT_GT(searches, 20);
    expect_complete("after the rounds");
    expect_clean_layout();
}

// SIGKILL after a random delay in [0, a normal run's duration], ten times
// with a fixed seed: the index opens and searches, and holds the papers of
// the last completed run or of the killed one, never a part; the next run
// completes it, with every paper once.
TEST_F(WriterCliTest, KilledUpdatesLeaveASearchableIndexThatTheNextRunCompletes) {
    publish_upstream_days(2);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    publish_upstream_days(2);
    const double typical = seconds_of(update_args());
    std::mt19937 random(test_seed());
    std::uniform_real_distribution<double> delay(0, typical);

    int killed_mid_run = 0;
    for (int round = 0; round < kKills; ++round) {
        const size_t before = expected_papers();
        publish_upstream_days(2);
        {
            Child update(argv(update_args()), log_);
            std::this_thread::sleep_for(std::chrono::duration<double>(delay(random)));
            update.kill_now();
            if (update.wait() == 128 + SIGKILL) ++killed_mid_run;
        }
        const IndexHealth killed = check_index(db_);
        const std::string when = "round " + std::to_string(round);
        EXPECT_TRUE(killed.opens && killed.searchable) << when << ": " << killed.error;
        EXPECT_TRUE(killed.papers == before || killed.papers == expected_papers())
            << when << ": " << killed.papers << " papers";
        EXPECT_EQ(killed.duplicated_ids, 0u) << when;

        ASSERT_EQ(papers(update_args()), 0) << when << "\n" << log_text();
        expect_complete(when + ", completed");
    }
    expect_clean_layout();
    std::cout << "updates killed mid-run: " << killed_mid_run << " of " << kKills << "\n";
}

// The same for rebuild; every other round starts from a legacy index, so the
// kills also land inside a conversion.
TEST_F(WriterCliTest, KilledRebuildsLeaveASearchableIndexThatTheNextRunCompletes) {
    publish_upstream_days(20);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    const double typical = seconds_of(rebuild_args());
    std::mt19937 random(test_seed());
    std::uniform_real_distribution<double> delay(0, typical);

    int killed_mid_run = 0;
    for (int round = 0; round < kKills; ++round) {
        const std::string when = "round " + std::to_string(round);
        if (round % 2 == 1) {
            fs::remove_all(db_);
            IndexRequest legacy;
            legacy.db_path = db_;
            legacy.inputs = {corpus_};
            ASSERT_TRUE(index_into(db_, legacy));
        }
        {
            Child rebuild(argv(rebuild_args()), log_);
            std::this_thread::sleep_for(std::chrono::duration<double>(delay(random)));
            rebuild.kill_now();
            if (rebuild.wait() == 128 + SIGKILL) ++killed_mid_run;
        }
        const IndexHealth killed = check_index(db_);
        EXPECT_TRUE(killed.opens && killed.searchable) << when << ": " << killed.error;
        EXPECT_EQ(killed.papers, expected_papers()) << when;
        EXPECT_EQ(killed.duplicated_ids, 0u) << when;

        ASSERT_EQ(papers(rebuild_args()), 0) << when << "\n" << log_text();
        expect_complete(when + ", completed");
        expect_clean_layout();
    }
    std::cout << "rebuilds killed mid-run: " << killed_mid_run << " of " << kKills << "\n";
}

TEST_F(WriterCliTest, ASecondWriterIsTurnedAwayOrWaits) {
    publish_upstream_days(3);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    auto held = WriterLock::acquire(db_, "update", false);
    ASSERT_TRUE(held);

    publish_upstream_days(1);
    const std::string busy =
        "another papers update is running (pid " + std::to_string(getpid()) + ")";
    for (const auto& args :
         {update_args(), rebuild_args(), std::vector<std::string>{"index", "--db", db_, corpus_}}) {
        const RunResult run = run_binary(PAPERS_BINARY, args, {});
        EXPECT_EQ(run.exit_code, 6) << args[0] << ": " << run.err;
        EXPECT_NE(run.err.find(busy), std::string::npos) << args[0] << ": " << run.err;
    }
    EXPECT_EQ(check_index(db_).papers, 3u * kPapersPerDay) << "nothing changed";

    auto waiting_args = update_args();
    waiting_args.push_back("--wait");
    Child waiting(argv(waiting_args), log_);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_TRUE(waiting.running()) << "--wait waits";
    { WriterLock released = std::move(*held); }
    EXPECT_EQ(waiting.wait(), 0) << log_text();
    expect_complete("after waiting");
}

TEST_F(WriterCliTest, TwoWritersAtOnceLeaveTheIndexIntact) {
    publish_upstream_days(10);
    ASSERT_EQ(papers(update_args()), 0) << log_text();
    for (int round = 0; round < 3; ++round) {
        publish_upstream_days(1);
        Child update(argv(update_args()), log_);
        Child rebuild(argv(rebuild_args()), log_);
        const int update_status = update.wait();
        const int rebuild_status = rebuild.wait();
        EXPECT_TRUE(update_status == 0 || update_status == 6) << update_status;
        EXPECT_TRUE(rebuild_status == 0 || rebuild_status == 6) << rebuild_status;
        if (update_status != 0) {
            ASSERT_EQ(papers(update_args()), 0) << log_text();
        }
        expect_complete("round " + std::to_string(round));
        expect_clean_layout();
    }
}

// The "done" check: from nothing, update builds the full index from a
// served copy of ../shared/corpus; a rebuild keeps every paper.
TEST(SharedCorpusUpdate, UpdateFromFileUrlThenRebuild) {
    PAPERS_REQUIRE_SHARED();
    TempDir temp;
    const std::string db = temp.path() + "/index", corpus = temp.path() + "/corpus";
    const std::string upstream = shared_corpus_dir().parent_path().string();
    const std::string log = temp.path() + "/log";
    ASSERT_EQ(
        run_papers({"update", "--db", db, "--corpus", corpus, "--base-url", "file://" + upstream,
                    "--from", "2023-11-20", "--to", "2024-08-30", "--quiet"},
                   log),
        0);
    IndexHealth health = check_index(db);
    EXPECT_EQ(health.papers, 2229u) << health.error;
    EXPECT_EQ(health.distinct_ids, 2229u);
    EXPECT_GT(health.matches, 0u);

    ASSERT_EQ(run_papers({"rebuild", "--db", db, "--corpus", corpus, "--quiet"}, log), 0);
    health = check_index(db);
    EXPECT_EQ(health.papers, 2229u) << health.error;
    EXPECT_EQ(health.duplicated_ids, 0u);
    EXPECT_EQ(live_generation(db), "glass-000002");
}

}  // namespace
}  // namespace papers::test
