// papers serve --replication + papers mirror: a first copy, then only the
// changes of an update, a whole copy after a rebuild; searches on the
// mirror never fail while it syncs; a mirror killed mid-copy leaves the
// last good copy and the next run completes.
#include <signal.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/serving/serving_fixture.h"
#include "tests/test_paths.h"

namespace papers::test {
namespace {
namespace fs = std::filesystem;

class MirrorTest : public ServingTest {
  protected:
    void SetUp() override {
        days_ = sample_days();
        index(path("master"), corpus("corpus", 0, days_ - 2));
        server_ = serve(path("master"), /*replication=*/true);
        ASSERT_TRUE(server_.process) << server_.log;
    }

    RunResult mirror() {
        return papers({"mirror", "--from", server_.address(), "--db", path("mirror"), "--once",
                       "--reader-time", "0", "--verbose"});
    }

    void expect_same_as_master() {
        for (const auto& query : {"diffusion reward model", "보상 모델", "difusion"}) {
            const RunResult master = papers({"search", "--json", "--db", path("master"), query});
            const RunResult copy = papers({"search", "--json", "--db", path("mirror"), query});
            EXPECT_EQ(copy.exit_code, master.exit_code) << describe_run(copy);
            EXPECT_EQ(master.out, copy.out) << query;
        }
    }

    // The live replica directory the mirror's stub names.
    std::string live() const {
        for (const auto& entry : fs::directory_iterator(path("mirror")))
            if (entry.path().filename().string().rfind("replica_", 0) == 0 &&
                fs::exists(entry.path() / "iamglass"))
                return entry.path().filename().string();
        return "";
    }

    size_t days_ = 0;
    Server server_;
};

TEST_F(MirrorTest, FirstCopyThenChangesetsThenAWholeCopyAfterARebuild) {
    // Its queries, sizes and glossary are those of a month of the digests.
    PAPERS_REQUIRE_SHARED();
    RunResult first = mirror();
    ASSERT_EQ(first.exit_code, 0) << describe_run(first);
    EXPECT_NE(first.err.find("first copy"), std::string::npos) << first.err;
    expect_same_as_master();
    // The vote table file is made again beside the copy's tables.
    EXPECT_TRUE(fs::exists(fs::path(path("mirror")) / live() / "papers-votes"));

    // An update on the master: one changeset, the same live copy.
    const std::string before = live();
    index(path("master"), corpus("corpus", days_ - 2, 1));
    RunResult update = mirror();
    ASSERT_EQ(update.exit_code, 0) << describe_run(update);
    EXPECT_NE(update.err.find("1 changeset"), std::string::npos) << update.err;
    EXPECT_EQ(live(), before);
    expect_same_as_master();
    EXPECT_TRUE(fs::exists(fs::path(path("mirror")) / live() / "papers-votes"));
    // A second night: on a database that is no longer freshly compacted,
    // a changeset is less than the database. (The first update after a
    // compacted build splits full blocks everywhere, and its changeset, every
    // block the commit wrote, can be larger: README, "Sharing an index".)
    index(path("master"), corpus("corpus", days_ - 1, 1));
    update = mirror();
    ASSERT_EQ(update.exit_code, 0) << describe_run(update);
    EXPECT_NE(update.err.find("1 changeset"), std::string::npos) << update.err;
    EXPECT_EQ(live(), before);
    expect_same_as_master();
    // What moved is the newest changeset as the master keeps it
    // (xapian-replicate-server sends the file).
    uintmax_t changeset = 0, tables = 0;
    std::string newest;
    for (const auto& generation : fs::directory_iterator(path("master")))
        if (generation.path().filename().string().rfind("glass-", 0) == 0)
            for (const auto& file : fs::directory_iterator(generation.path())) {
                const std::string name = file.path().filename().string();
                if (name.rfind("changes", 0) != 0)
                    tables += file.file_size();
                else if (name > newest)  // changes2 < changes3 (one digit here)
                    newest = name, changeset = file.file_size();
            }
    EXPECT_GT(changeset, 0u);
    EXPECT_LT(changeset, tables) << newest;

    // Nothing new: nothing moves.
    RunResult again = mirror();
    EXPECT_NE(again.err.find("no change"), std::string::npos) << again.err;

    // A rebuild on the master: a new database, copied whole.
    const RunResult rebuilt = papers(
        {"rebuild", "--db", path("master"), "--corpus", path("corpus"), "--quiet", "--force"});
    ASSERT_EQ(rebuilt.exit_code, 0) << describe_run(rebuilt);
    RunResult whole = mirror();
    ASSERT_EQ(whole.exit_code, 0) << describe_run(whole);
    EXPECT_NE(whole.err.find("whole copy"), std::string::npos) << whole.err;
    EXPECT_NE(live(), before);
    expect_same_as_master();
}

TEST_F(MirrorTest, SearchesOnTheMirrorNeverFailWhileItSyncs) {
    // Its queries, sizes and glossary are those of a month of the digests.
    PAPERS_REQUIRE_SHARED();
    ASSERT_EQ(mirror().exit_code, 0);
    std::atomic<bool> done{false};
    std::atomic<int> searches{0}, failures{0};
    std::string failure;
    std::thread searcher([&] {
        while (!done) {
            const RunResult result =
                papers({"search", "--db", path("mirror"), "--limit", "3", "model"});
            ++searches;
            if (result.exit_code != 0 && failures++ == 0) failure = describe_run(result);
        }
    });
    // Two updates and a rebuild on the master, each mirrored.
    for (size_t day = days_ - 2; day < days_; ++day) {
        index(path("master"), corpus("corpus", day, 1));
        EXPECT_EQ(mirror().exit_code, 0);
    }
    const RunResult rebuilt = papers(
        {"rebuild", "--db", path("master"), "--corpus", path("corpus"), "--quiet", "--force"});
    ASSERT_EQ(rebuilt.exit_code, 0) << describe_run(rebuilt);
    EXPECT_EQ(mirror().exit_code, 0);
    while (searches < 5) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    done = true;
    searcher.join();
    EXPECT_EQ(failures, 0) << failure;
    expect_same_as_master();
}

TEST_F(MirrorTest, KilledMidCopyLeavesTheLastGoodCopy) {
    // Its queries, sizes and glossary are those of a month of the digests.
    PAPERS_REQUIRE_SHARED();
    // Killed during the first copy: no mirror at all, then a whole one.
    const auto kill_when = [&](const std::function<bool()>& started) {
        auto child = ChildProcess::spawn({PAPERS_BINARY, "mirror", "--from", server_.address(),
                                          "--db", path("mirror"), "--once"});
        EXPECT_TRUE(child);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!started() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        ::kill(child->pid(), SIGKILL);
        child->terminate();
    };
    kill_when([&] { return fs::exists(path("mirror") + ".first-copy"); });
    const RunResult none = papers({"search", "--db", path("mirror"), "model"});
    EXPECT_TRUE(none.exit_code == 3 || none.exit_code == 0) << describe_run(none);
    ASSERT_EQ(mirror().exit_code, 0);
    expect_same_as_master();

    // Killed during the whole copy after a rebuild: the old copy stays live.
    const std::string before = live();
    index(path("master"), corpus("corpus", days_ - 2, 2));
    const RunResult rebuilt = papers(
        {"rebuild", "--db", path("master"), "--corpus", path("corpus"), "--quiet", "--force"});
    ASSERT_EQ(rebuilt.exit_code, 0) << describe_run(rebuilt);
    const std::string other = before == "replica_0" ? "replica_1" : "replica_0";
    kill_when([&] { return fs::exists(fs::path(path("mirror")) / other); });
    const RunResult old = papers({"search", "--db", path("mirror"), "model"});
    EXPECT_EQ(old.exit_code, 0) << describe_run(old);
    const RunResult completed = mirror();
    ASSERT_EQ(completed.exit_code, 0) << describe_run(completed);
    expect_same_as_master();
}

TEST_F(MirrorTest, AMirrorIsNotWritten) {
    ASSERT_EQ(mirror().exit_code, 0);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"index", "--db", path("mirror"), path("corpus")},
             {"rebuild", "--db", path("mirror"), "--corpus", path("corpus")}}) {
        const RunResult result = papers(args);
        EXPECT_EQ(result.exit_code, 4) << describe_run(result);
        EXPECT_NE(result.err.find("read-only"), std::string::npos) << result.err;
    }
    expect_same_as_master();
}

TEST_F(MirrorTest, AnIndexDirectoryIsNotOverwritten) {
    const RunResult result =
        papers({"mirror", "--from", server_.address(), "--db", path("master"), "--once"});
    EXPECT_EQ(result.exit_code, 4) << describe_run(result);
    EXPECT_NE(result.err.find("not a mirror"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace papers::test
