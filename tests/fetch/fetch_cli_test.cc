// `papers fetch` end to end: the real binary against the fault server.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/e2e/cli_runner.h"
#include "tests/fetch/fault_server.h"
#include "tests/fetch/fetch_test_util.h"

namespace papers::test {
namespace {

class FetchCliTest : public ::testing::Test {
  protected:
    RunResult fetch(std::vector<std::string> args, const Environment& env = {}) const {
        args.insert(args.begin(), "fetch");
        Environment full = {{"HOME", dir_.path() + "/home"}};
        for (const auto& [name, value] : env) full[name] = value;
        return run_binary(PAPERS_BINARY, args, full);
    }
    std::string corpus() const { return dir_.path() + "/corpus"; }

    FaultServer server_{tiny_root()};
    TempDir dir_;
};

std::string describe(const RunResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

TEST_F(FetchCliTest, FetchesAndPrintsASummary) {
    const auto r = fetch({"--corpus", corpus(), "--base-url", server_.base_url(), "--from",
                          "2024-10-01", "--to", "2024-10-04"});
    EXPECT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(r.out.find("fetched 3, unchanged 0, missing 1, failed 0; "), 0u) << describe(r);
    EXPECT_NE(r.out.find(" -> " + corpus()), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find(" info  fetched 2024-10-01"), std::string::npos) << describe(r);
    EXPECT_EQ(slurp(corpus() + "/paper_logs/2024/10/02.md"),
              slurp(tiny_root() + "/paper_logs/2024/10/02.md"));

    const auto again = fetch({"--corpus", corpus(), "--base-url", server_.base_url(), "--from",
                              "2024-10-01", "--to", "2024-10-04", "--quiet"});
    EXPECT_EQ(again.exit_code, 0) << describe(again);
    EXPECT_EQ(again.out, "") << "--quiet prints no summary";
    EXPECT_EQ(again.err, "");
}

TEST_F(FetchCliTest, SomeDaysFailedExitsFive) {
    server_.set_fault("2024-10-02", "garbage");
    const auto r = fetch({"--corpus", corpus(), "--base-url", server_.base_url(), "--from",
                          "2024-10-01", "--to", "2024-10-04", "--json"});
    EXPECT_EQ(r.exit_code, 5) << describe(r);
    const auto json = nlohmann::json::parse(r.out);
    EXPECT_EQ(json["days"]["fetched"], 2);
    EXPECT_EQ(json["days"]["failed"], 1);
    EXPECT_EQ(json["days"]["missing"], 1);
    ASSERT_EQ(json["days"]["list"].size(), 4u);
    EXPECT_EQ(json["days"]["list"][1]["date"], "2024-10-02");
    EXPECT_EQ(json["days"]["list"][1]["outcome"], "failed");
    EXPECT_NE(r.err.find(" error failed 2024-10-02"), std::string::npos) << describe(r);
}

TEST_F(FetchCliTest, DefaultCorpusIsUnderXdgDataHome) {
    const std::string data = dir_.path() + "/data";
    const auto r = fetch({"--base-url", "file://" + tiny_root(), "--from", "2024-10-04", "--to",
                          "2024-10-04", "--verbose"},
                         {{"XDG_DATA_HOME", data}});
    EXPECT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(slurp(data + "/papers/corpus/paper_logs/2024/10/04.md"),
              slurp(tiny_root() + "/paper_logs/2024/10/04.md"));
    EXPECT_NE(r.err.find(" debug GET file://"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("fetching 1 day ("), std::string::npos) << describe(r);
}

// SIGKILL while an earlier day is still in flight and a later one is
// written: the next run with the default range still fetches the earlier day.
TEST_F(FetchCliTest, KilledRunLeavesNoDayBehind) {
    server_.set_fault("2024-10-01", "hang");
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execl(PAPERS_BINARY, PAPERS_BINARY, "fetch", "--corpus", corpus().c_str(), "--base-url",
              server_.base_url().c_str(), "--from", "2024-10-01", "--to", "2024-10-04",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    const std::string later = corpus() + "/paper_logs/2024/10/04.md";
    for (int i = 0; i < 200 && !std::filesystem::exists(later); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    ASSERT_TRUE(std::filesystem::exists(later));
    ASSERT_FALSE(std::filesystem::exists(corpus() + "/paper_logs/2024/10/01.md"));

    server_.set_fault("2024-10-01", "none");
    const auto r = fetch(
        {"--corpus", corpus(), "--base-url", server_.base_url(), "--to", "2024-10-04", "--json"});
    EXPECT_EQ(r.exit_code, 0) << describe(r);
    const auto json = nlohmann::json::parse(r.out);
    ASSERT_FALSE(json["days"]["list"].empty()) << describe(r);
    EXPECT_EQ(json["days"]["list"][0]["date"], "2024-10-01");
    EXPECT_EQ(json["days"]["list"][0]["outcome"], "fetched");
    EXPECT_EQ(slurp(corpus() + "/paper_logs/2024/10/01.md"),
              slurp(tiny_root() + "/paper_logs/2024/10/01.md"));
}

TEST_F(FetchCliTest, UsageErrorsExitTwo) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--base-url", "ftp://example.com"},
          {"--from", "2024-02-30"},
          {"--to", "tomorrow"},
          {"--parallel", "0"},
          {"--quiet", "--verbose"}}) {
        auto full = args;
        full.insert(full.end(), {"--corpus", corpus()});
        const auto r = fetch(full);
        EXPECT_EQ(r.exit_code, 2) << args[0] << "\n" << describe(r);
    }
}

TEST_F(FetchCliTest, HelpListsExitCodeFive) {
    const auto r = run_binary(PAPERS_BINARY, {"--help"}, {});
    EXPECT_NE(r.out.find("  5  fetch: some days"), std::string::npos) << describe(r);
}

}  // namespace
}  // namespace papers::test
