// index, fetch, update and rebuild --json print one report of one shape
// (tools/printer.h, "write"): every key always there, each command filling
// the parts it does.
#include <set>

#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

using nlohmann::json;

// The keys of an object and of the objects in it, as "a", "a.b".
std::set<std::string> shape(const json& object, const std::string& prefix = "") {
    std::set<std::string> keys;
    for (const auto& [key, value] : object.items()) {
        keys.insert(prefix + key);
        if (value.is_object())
            for (const auto& inner : shape(value, prefix + key + ".")) keys.insert(inner);
    }
    return keys;
}

const std::set<std::string> kShape = {"command",       "db",
                                      "corpus",        "generation",
                                      "files",         "files.seen",
                                      "files.indexed", "files.unchanged",
                                      "files.failed",  "files.removed",
                                      "papers",        "papers.indexed",
                                      "papers.total",  "skipped",
                                      "listed",        "listed.papers",
                                      "listed.absent", "days",
                                      "days.fetched",  "days.unchanged",
                                      "days.missing",  "days.failed",
                                      "days.bytes",    "days.list",
                                      "seconds",       "seconds.fetch",
                                      "seconds.index", "seconds.total"};

class WriteReportTest : public PapersTest {
  protected:
    std::string corpus() const { return dir_path("corpus"); }
    std::vector<std::string> fetch_flags() const {
        return {
            "--corpus", corpus(),     "--base-url", "file://" + (fixtures_dir() / "fetch").string(),
            "--from",   "2024-10-01", "--to",       "2024-10-04",
            "--quiet",  "--json"};
    }
    json run(std::vector<std::string> args, int want_exit = 0) const {
        const RunResult result = papers(args);
        EXPECT_EQ(result.exit_code, want_exit) << describe(result);
        const json object = parse_json(result);
        EXPECT_EQ(shape(object), kShape) << result.out;
        return object;
    }
};

TEST_F(WriteReportTest, IndexReportsFilesPapersAndSkippedBlocks) {
    const json report =
        run({"index", "--json", (fixtures_dir() / "e2e" / "broken-block").string()});
    EXPECT_EQ(report.at("command"), "index");
    EXPECT_EQ(report.at("db"), db());
    EXPECT_TRUE(report.at("corpus").is_null());
    EXPECT_EQ(report.at("files").at("indexed"), 1);
    EXPECT_EQ(report.at("papers").at("total"), 1);
    ASSERT_FALSE(report.at("skipped").empty()) << report;
    const json& skipped = report.at("skipped").at(0);
    EXPECT_NE(skipped.at("file").get<std::string>().find("2024-10-02.md"), std::string::npos);
    EXPECT_EQ(skipped.at("line"), 3);
    EXPECT_EQ(report.at("days").at("fetched"), 0);
    EXPECT_TRUE(report.at("days").at("list").empty());
    EXPECT_GE(report.at("seconds").at("total").get<double>(), 0);
}

TEST_F(WriteReportTest, FetchUpdateAndRebuildShareIt) {
    std::vector<std::string> fetch = {"fetch"};
    const auto flags = fetch_flags();
    fetch.insert(fetch.end(), flags.begin(), flags.end());
    const json fetched = run(fetch);
    EXPECT_EQ(fetched.at("command"), "fetch");
    EXPECT_TRUE(fetched.at("db").is_null());
    EXPECT_EQ(fetched.at("corpus"), corpus());
    EXPECT_EQ(fetched.at("days").at("fetched"), 3);
    EXPECT_EQ(fetched.at("days").at("missing"), 1);
    ASSERT_EQ(fetched.at("days").at("list").size(), 4u);
    EXPECT_EQ(fetched.at("days").at("list").at(2).at("outcome"), "missing");
    EXPECT_EQ(fetched.at("files").at("indexed"), 0);

    std::vector<std::string> update = {"update", "--db", db()};
    update.insert(update.end(), flags.begin(), flags.end());
    const json updated = run(update);
    EXPECT_EQ(updated.at("command"), "update");
    EXPECT_EQ(updated.at("db"), db());
    EXPECT_EQ(updated.at("days").at("unchanged"), 3);
    EXPECT_EQ(updated.at("files").at("indexed"), 3);
    const int papers = updated.at("papers").at("total");
    EXPECT_GT(papers, 0);
    EXPECT_TRUE(updated.at("generation").is_null()) << "an update writes into the live generation";

    const json rebuilt = run({"rebuild", "--db", db(), "--corpus", corpus(), "--quiet", "--json"});
    EXPECT_EQ(rebuilt.at("command"), "rebuild");
    EXPECT_EQ(rebuilt.at("papers").at("total"), papers);
    EXPECT_FALSE(rebuilt.at("generation").is_null()) << rebuilt;
    EXPECT_EQ(rebuilt.at("days").at("fetched"), 0);
}

}  // namespace
}  // namespace papers::test
