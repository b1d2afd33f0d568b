// The index directory layout in-process: stubs, publishing, recovery of an
// interrupted writer's leftovers, the writer lock, and index_paths on each
// layout.
#include "indexer/index_store.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "indexer/index_writer.h"
#include "indexer/rebuild.h"
#include "tests/e2e/cli_runner.h"
#include "tests/store/store_fixture.h"

namespace papers::test {
namespace {
namespace fs = std::filesystem;

class IndexStoreTest : public ::testing::Test {
  protected:
    void SetUp() override {
        corpus_ = temp_.path() + "/corpus";
        db_ = temp_.path() + "/index";
        write_corpus(corpus_, 3, 4);
    }

    IndexRequest request() const {
        IndexRequest request;
        request.db_path = db_;
        request.inputs = {corpus_};
        return request;
    }

    // A database from the corpus at `path`, committed, unpublished.
    void build(const std::string& path) { ASSERT_TRUE(index_into(path, request())); }

    WriterLock lock() {
        auto lock = WriterLock::acquire(db_, "test", false);
        EXPECT_TRUE(lock) << lock.error().message;
        return std::move(*lock);
    }

    TempDir temp_;
    std::string corpus_, db_;
};

TEST_F(IndexStoreTest, PublishedStubIsWhatXapianOpens) {
    auto held = lock();
    EXPECT_EQ(detect_layout(db_), IndexLayout::Empty);
    const std::string generation = next_generation(db_);
    EXPECT_EQ(generation, "glass-000001");
    build(db_ + "/" + generation);
    auto published = publish(held, generation);
    ASSERT_TRUE(published) << published.error().message;

    EXPECT_EQ(detect_layout(db_), IndexLayout::Stub);
    EXPECT_EQ(live_generation(db_), generation);
    EXPECT_EQ(live_database(db_), db_ + "/" + generation);
    std::ifstream stub(db_ + "/XAPIANDB");
    std::string line;
    std::getline(stub, line);
    EXPECT_EQ(line, "auto glass-000001");
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 12u);
    EXPECT_EQ(entries(db_), (std::set<std::string>{".papers-writer.lock", "XAPIANDB", generation}));
}

TEST_F(IndexStoreTest, PublishingANewGenerationRemovesTheOld) {
    auto held = lock();
    build(db_ + "/glass-000001");
    ASSERT_TRUE(publish(held, "glass-000001"));
    Xapian::Database old_reader(db_);

    write_corpus(corpus_, 2, 4, 3);
    const std::string next = next_generation(db_);
    EXPECT_EQ(next, "glass-000002");
    build(db_ + "/" + next);
    ASSERT_TRUE(publish(held, next));

    EXPECT_FALSE(fs::exists(db_ + "/glass-000001"));
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 20u);
    // A reader that had the old generation open still reads it.
    EXPECT_EQ(old_reader.get_doccount(), 12u);
    EXPECT_TRUE(old_reader.term_exists("Q2401.00000"));
}

TEST_F(IndexStoreTest, RecoverRemovesWhatAnInterruptedWriterLeft) {
    auto held = lock();
    build(db_ + "/glass-000001");
    ASSERT_TRUE(publish(held, "glass-000001"));
    build(db_ + "/glass-000002.build");             // a rebuild killed before compacting
    fs::create_directories(db_ + "/glass-000002");  // ... or while compacting
    std::ofstream(db_ + "/XAPIANDB.tmp") << "auto glass-000002\n";
    EXPECT_EQ(next_generation(db_), "glass-000003");

    auto recovered = recover(held);
    ASSERT_TRUE(recovered) << recovered.error().message;
    EXPECT_EQ(recovered->removed.size(), 3u);
    EXPECT_EQ(entries(db_),
              (std::set<std::string>{".papers-writer.lock", "XAPIANDB", "glass-000001"}));
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 12u);
}

TEST_F(IndexStoreTest, RecoverFinishesALegacyConversion) {
    auto held = lock();
    build(db_);  // legacy: DIR is itself a glass database
    EXPECT_EQ(detect_layout(db_), IndexLayout::Legacy);
    EXPECT_EQ(live_database(db_), db_);
    write_corpus(corpus_, 1, 4, 3);
    build(db_ + "/glass-000001");
    // A rebuild killed after renaming the stub, before removing the glass files:
    std::ofstream(db_ + "/XAPIANDB") << "auto glass-000001\n";
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 12u) << "Xapian prefers iamglass";
    EXPECT_EQ(live_database(db_), db_ + "/glass-000001") << "writers follow the stub";

    auto recovered = recover(held);
    ASSERT_TRUE(recovered) << recovered.error().message;
    EXPECT_TRUE(recovered->finished_conversion);
    EXPECT_EQ(entries(db_),
              (std::set<std::string>{".papers-writer.lock", "XAPIANDB", "glass-000001"}));
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 16u);
}

TEST_F(IndexStoreTest, RecoverRemovesLegacyTablesLeftAfterIamglass) {
    auto held = lock();
    build(db_);
    build(db_ + "/glass-000001");
    std::ofstream(db_ + "/XAPIANDB") << "auto glass-000001\n";
    fs::remove(db_ + "/iamglass");  // a conversion killed after its first removal
    auto recovered = recover(held);
    ASSERT_TRUE(recovered) << recovered.error().message;
    EXPECT_TRUE(recovered->finished_conversion);
    EXPECT_EQ(entries(db_),
              (std::set<std::string>{".papers-writer.lock", "XAPIANDB", "glass-000001"}));
}

TEST_F(IndexStoreTest, AStubNamingNoDatabaseIsLeftForRebuild) {
    auto held = lock();
    std::ofstream(db_ + "/XAPIANDB") << "auto glass-000009\n";
    auto recovered = recover(held);
    ASSERT_TRUE(recovered) << recovered.error().message;
    EXPECT_TRUE(recovered->broken_stub);

    auto indexed = index_paths(held, request());
    ASSERT_FALSE(indexed);
    EXPECT_NE(indexed.error().message.find("papers rebuild"), std::string::npos);
    EXPECT_FALSE(fs::exists(db_ + "/glass-000009")) << "no empty database made in its place";

    auto rebuilt = rebuild_index(held, {corpus_});
    ASSERT_TRUE(rebuilt) << rebuilt.error().message;
    EXPECT_EQ(rebuilt->generation, "glass-000010");
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 12u);
}

TEST_F(IndexStoreTest, TheWriterLockIsExclusive) {
    auto first = WriterLock::acquire(db_, "update", false);
    ASSERT_TRUE(first);
    auto second = WriterLock::acquire(db_, "rebuild", false);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().kind, ErrorKind::Busy);
    EXPECT_NE(second.error().message.find("another papers update is running (pid " +
                                          std::to_string(getpid()) + ")"),
              std::string::npos)
        << second.error().message;
    { WriterLock released = std::move(*first); }
    EXPECT_TRUE(WriterLock::acquire(db_, "rebuild", false));
}

TEST_F(IndexStoreTest, WaitingForTheLockBlocksUntilItIsReleased) {
    auto first = WriterLock::acquire(db_, "update", false);
    ASSERT_TRUE(first);
    const auto start = std::chrono::steady_clock::now();
    std::thread releaser([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        WriterLock released = std::move(*first);
    });
    auto second = WriterLock::acquire(db_, "update", true);
    releaser.join();
    EXPECT_TRUE(second);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
}

TEST_F(IndexStoreTest, IndexPathsBuildsAndPublishesAFirstGeneration) {
    auto report = index_paths(request());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->papers_total, 12u);
    EXPECT_EQ(live_generation(db_), "glass-000001");
    const IndexHealth health = check_index(db_);
    EXPECT_TRUE(health.searchable) << health.error;

    write_corpus(corpus_, 1, 4, 3);  // incremental: into the live generation
    report = index_paths(request());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->files_indexed, 1u);
    EXPECT_EQ(report->papers_total, 16u);
    EXPECT_EQ(live_generation(db_), "glass-000001");
}

TEST_F(IndexStoreTest, IndexPathsKeepsALegacyIndexInPlace) {
    build(db_);
    write_corpus(corpus_, 1, 4, 3);
    auto report = index_paths(request());
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->files_indexed, 1u);
    EXPECT_EQ(detect_layout(db_), IndexLayout::Legacy);
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 16u);
}

TEST_F(IndexStoreTest, IndexPathsIsBusyWhileAnotherWriterRuns) {
    auto held = lock();
    auto report = index_paths(request());
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, ErrorKind::Busy);
}

// `papers rebuild --corpus EMPTY_DIR` replaced a 2,229-paper index with an
// empty one and exited 0; the one-day sample dropped it to 17 papers.
TEST_F(IndexStoreTest, ARebuildThatLosesMostPapersIsNotPublished) {
    ASSERT_TRUE(index_paths(request()));
    auto held = lock();
    const std::string live = *live_generation(db_);

    const std::string empty = temp_.path() + "/empty";
    fs::create_directories(empty);
    auto rebuilt = rebuild_index(held, {empty});
    ASSERT_FALSE(rebuilt);
    EXPECT_EQ(rebuilt.error().kind, ErrorKind::BadInput);
    EXPECT_NE(rebuilt.error().message.find("no digest files"), std::string::npos)
        << rebuilt.error().message;

    const std::string one_day = temp_.path() + "/one-day";
    write_corpus(one_day, 1, 4);  // 4 papers of the 12
    rebuilt = rebuild_index(held, {one_day});
    ASSERT_FALSE(rebuilt);
    EXPECT_EQ(rebuilt.error().kind, ErrorKind::BadInput);
    EXPECT_NE(rebuilt.error().message.find("12 papers to 4"), std::string::npos)
        << rebuilt.error().message;
    EXPECT_EQ(live_generation(db_), live);
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 12u);
    EXPECT_EQ(recover(held)->removed.size(), 0u) << "nothing left behind";

    rebuilt = rebuild_index(held, {one_day}, {}, /*force=*/true);
    ASSERT_TRUE(rebuilt) << rebuilt.error().message;
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 4u);
}

// An update whose corpus lost most of its files must leave the index alone.
TEST_F(IndexStoreTest, AnUpdateThatLosesMostPapersIsCancelled) {
    ASSERT_TRUE(index_paths(request()));
    fs::remove_all(corpus_ + "/paper_logs");
    fs::create_directories(corpus_);
    IndexRequest update = request();
    update.keep_most_papers = true;
    auto report = index_paths(update);
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().kind, ErrorKind::BadInput);
    EXPECT_EQ(Xapian::Database(db_).get_doccount(), 12u);

    report = index_paths(request());  // papers index forgets what is gone
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->papers_total, 0u);
}

}  // namespace
}  // namespace papers::test
