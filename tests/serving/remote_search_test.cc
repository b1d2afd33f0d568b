// papers serve + --db tcp://HOST:PORT: every read command answers as it
// does on the same index opened locally (order, scores, snippets, votes,
// spelling suggestions, glossary synonyms, --explain), and a server that is
// down, wrong or stalled is an exit 4 naming it, within seconds.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "tests/serving/serving_fixture.h"
#include "tests/test_paths.h"

namespace papers::test {
namespace {

class RemoteSearchTest : public ServingTest {
  protected:
    void SetUp() override {
        // All days but the last, which AnUpdateIsSeenByTheNextSearch adds.
        index(path("db"), corpus("corpus", 0, sample_days() - 1));
        server_ = serve(path("db"));
        ASSERT_TRUE(server_.process) << server_.log;
    }

    // The command with --db local and --db remote: the same JSON.
    nlohmann::json expect_same(std::vector<std::string> args) {
        std::vector<std::string> local = args, remote = args;
        local.insert(local.begin() + 1, {"--db", path("db")});
        remote.insert(remote.begin() + 1, {"--db", server_.url()});
        const nlohmann::json here = papers_json(local);
        nlohmann::json there = papers_json(remote);
        if (args[0] == "stats") {  // the size and location of a remote index are not told
            there["index_bytes"] = here["index_bytes"];
        }
        EXPECT_EQ(here.dump(1), there.dump(1)) << "papers " << testing::PrintToString(args);
        return here;
    }

    Server server_;
};

TEST_F(RemoteSearchTest, EveryReadCommandAnswersAsLocally) {
    // Its queries, sizes and glossary are those of a month of the digests.
    PAPERS_REQUIRE_SHARED();
    const std::vector<std::string> queries = {"diffusion reward model",
                                              "보상 모델",
                                              "강화학습",
                                              "language model",
                                              "difusion",
                                              "retrival",
                                              "모델을",
                                              "title:(diffusion OR flow) -video",
                                              "votes:10.. agent",
                                              "date:2024-01 benchmark",
                                              "gpt-4",
                                              "\"large language model\""};
    bool saw_suggestion = false, saw_synonym = false;
    for (size_t i = 0; i < queries.size(); ++i) {
        const std::string& query = queries[i];
        const auto result = expect_same({"search", "--json", "--explain", "--limit", "15", query});
        saw_suggestion = saw_suggestion || !result["suggestion"].is_null();
        saw_synonym = saw_synonym || result.dump().find("\"synonym\"") != std::string::npos;
        if (i % 3 == 0) expect_same({"search", "--json", "--sort", "votes", "--limit", "5", query});
        if (i % 3 == 1)
            expect_same({"search", "--json", "--votes-weight", "0", "--offset", "3", query});
    }
    // The set exercises what the remote protocol does not carry by itself.
    EXPECT_TRUE(saw_suggestion);
    EXPECT_TRUE(saw_synonym);

    const auto hits = expect_same({"search", "--json", "--limit", "3", "model"});
    ASSERT_FALSE(hits["results"].empty());
    const std::string id = hits["results"][0]["arxiv_id"];
    const std::string author = hits["results"][0]["authors"][0];
    expect_same({"show", "--json", id});
    expect_same({"similar", "--json", "--explain", id});
    expect_same({"author", "--json", author});
    expect_same({"author", "--json", author + "x"});  // suggestions
    expect_same({"glossary", "--json", "--limit", "40"});
    expect_same({"glossary", "--json", "model"});
    const auto stats = expect_same({"stats", "--json"});
    EXPECT_GT(stats["papers"].get<int>(), 0);
}

TEST_F(RemoteSearchTest, TextOutputIsTheSame) {
    for (const auto& query : {"reward model", "difusion"}) {
        const RunResult here = papers({"search", "--db", path("db"), "--explain", query});
        const RunResult there = papers({"search", "--db", server_.url(), "--explain", query});
        EXPECT_EQ(here.out, there.out);
        EXPECT_EQ(there.exit_code, here.exit_code) << describe_run(there);
    }
}

TEST_F(RemoteSearchTest, PapersDbMayHoldTheAddress) {
    // Its queries, sizes and glossary are those of a month of the digests.
    PAPERS_REQUIRE_SHARED();
    const RunResult here = papers({"search", "--db", path("db"), "--json", "agent"});
    const RunResult there = papers({"search", "--json", "agent"}, {{"PAPERS_DB", server_.url()}});
    EXPECT_EQ(there.exit_code, 0) << describe_run(there);
    EXPECT_EQ(here.out, there.out);
}

TEST_F(RemoteSearchTest, AnUpdateIsSeenByTheNextSearch) {
    const auto before = papers_json({"stats", "--json", "--db", server_.url()});
    index(path("db"), corpus("corpus", sample_days() - 1, 1));
    const auto after = papers_json({"stats", "--json", "--db", server_.url()});
    EXPECT_GT(after["papers"].get<int>(), before["papers"].get<int>());
    // And a rebuild (a new generation swapped in).
    const RunResult rebuilt =
        papers({"rebuild", "--db", path("db"), "--corpus", path("corpus"), "--quiet", "--force"});
    ASSERT_EQ(rebuilt.exit_code, 0) << describe_run(rebuilt);
    const auto swapped = papers_json({"stats", "--json", "--db", server_.url()});
    EXPECT_EQ(swapped["papers"], papers_json({"stats", "--json", "--db", path("db")})["papers"]);
}

TEST_F(RemoteSearchTest, SearchesNeverFailDuringAnUpdateAndARebuild) {
    std::atomic<bool> done{false};
    std::atomic<int> searches{0}, failures{0};
    std::string failure;
    std::thread searcher([&] {
        while (!done) {
            const RunResult result =
                papers({"search", "--db", server_.url(), "--limit", "3", "--explain", "model"});
            ++searches;
            if (result.exit_code != 0 && failures++ == 0) failure = describe_run(result);
        }
    });
    index(path("db"), corpus("corpus", sample_days() - 1, 1));
    const RunResult rebuilt =
        papers({"rebuild", "--db", path("db"), "--corpus", path("corpus"), "--quiet", "--force"});
    EXPECT_EQ(rebuilt.exit_code, 0) << describe_run(rebuilt);
    while (searches < 5) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    done = true;
    searcher.join();
    EXPECT_EQ(failures, 0) << failure;
    expect_same({"search", "--json", "--explain", "model"});
}

// A dead port, a stalled server and a malformed address: exit 4 (2 for the
// address), with the address and the reason, in seconds.
class UnreachableTest : public ServingTest {
  protected:
    RunResult timed(const std::vector<std::string>& args, double& seconds) {
        const auto start = std::chrono::steady_clock::now();
        RunResult result = papers(args, {{"PAPERS_REMOTE_TIMEOUT", "2"}});
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result;
    }
};

TEST_F(UnreachableTest, DeadServerIsExit4WithTheAddress) {
    const std::string url = "tcp://127.0.0.1:" + std::to_string(free_port());
    for (const char* command : {"search", "stats", "show"}) {
        double seconds = 0;
        std::vector<std::string> args = {command, "--db", url};
        if (std::string(command) != "stats") args.push_back("2401.00001");
        const RunResult result = timed(args, seconds);
        EXPECT_EQ(result.exit_code, 4) << describe_run(result);
        EXPECT_NE(result.err.find(url), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("refused"), std::string::npos) << result.err;
        EXPECT_LT(seconds, 10);
    }
}

TEST_F(UnreachableTest, StalledServerTimesOut) {
    // Accepts (the kernel's backlog) and never says a word.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(fd, 8), 0);
    ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size), 0);
    const std::string url = "tcp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    double seconds = 0;
    const RunResult result = timed({"search", "--db", url, "agent"}, seconds);
    ::close(fd);
    EXPECT_EQ(result.exit_code, 4) << describe_run(result);
    EXPECT_NE(result.err.find(url), std::string::npos) << result.err;
    EXPECT_LT(seconds, 15);
}

TEST_F(UnreachableTest, WrongAddressIsAUsageError) {
    for (const char* spec : {"tcp://127.0.0.1", "tcp://:80", "tcp://host:99999"}) {
        const RunResult result = papers({"search", "--db", spec, "agent"});
        EXPECT_EQ(result.exit_code, 4) << spec << describe_run(result);
        EXPECT_NE(result.err.find("tcp://HOST:PORT"), std::string::npos) << result.err;
    }
    const RunResult index = papers({"index", "--db", "tcp://127.0.0.1:1", path("x")});
    EXPECT_EQ(index.exit_code, 2) << describe_run(index);
}

}  // namespace
}  // namespace papers::test
