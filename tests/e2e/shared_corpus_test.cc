// The whole upstream corpus (../shared/corpus, 180 days, 2229 papers), when
// it is present: indexed once for the suite, then searched like a user would.
#include <memory>

#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

using nlohmann::json;

class SharedCorpusTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        if (!have_shared_corpus()) return;
        dir_ = std::make_unique<TempDir>();
        index_run_ =
            std::make_unique<RunResult>(papers({"index", "--json", shared_corpus_dir().string()}));
    }
    static void TearDownTestSuite() {
        index_run_.reset();
        dir_.reset();
    }
    void SetUp() override {
        PAPERS_REQUIRE_SHARED();
        ASSERT_EQ(index_run_->exit_code, 0) << describe(*index_run_);
    }

    static RunResult papers(const std::vector<std::string>& args) {
        return run_binary(PAPERS_BINARY, args,
                          {{"PAPERS_DB", dir_->path() + "/db"}, {"HOME", dir_->path()}});
    }

    // The arXiv id ranked first for `query`.
    static std::string top_result(const std::string& query) {
        const RunResult result = papers({"search", "--json", query});
        EXPECT_EQ(result.exit_code, 0) << query << "\n" << describe(result);
        const json object = parse_json(result);
        if (!object.is_object() || object.at("results").empty()) return "";
        return object.at("results").at(0).at("arxiv_id");
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<RunResult> index_run_;
};

std::unique_ptr<TempDir> SharedCorpusTest::dir_;
std::unique_ptr<RunResult> SharedCorpusTest::index_run_;

TEST_F(SharedCorpusTest, IndexesEveryPaper) {
    const json report = parse_json(*index_run_);
    EXPECT_EQ(report.at("files").at("seen"), 180);
    EXPECT_EQ(report.at("files").at("failed"), 0);
    EXPECT_EQ(report.at("papers").at("total"), 2229);
    // Upstream's papers_list.csv lists 2,259; 30 have no block in any digest.
    EXPECT_EQ(report.at("listed").at("papers"), 2259);
    EXPECT_EQ(report.at("listed").at("absent").size(), 30u);

    const json stats = parse_json(papers({"stats", "--json"}));
    EXPECT_EQ(stats.at("papers"), 2229);
    EXPECT_EQ(stats.at("days"), 180);
}

TEST_F(SharedCorpusTest, ShowFindsVideoLlava) {
    const RunResult result = papers({"show", "--json", "2311.10122"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    const json paper = parse_json(result);
    EXPECT_EQ(paper.at("title"),
              "Video-LLaVA: Learning United Visual Representation by Alignment Before Projection");
    EXPECT_EQ(paper.at("date"), "2023-11-20");
}

// Words that occur in one paper only (checked with a script over the corpus).
TEST_F(SharedCorpusTest, DistinctiveWordsFindTheirPaperFirst) {
    EXPECT_EQ(top_result("SwitchHead"), "2312.07987");
    EXPECT_EQ(top_result("MathPile"), "2312.17120");
    EXPECT_EQ(top_result("IllumiNeRF"), "2406.06527");
    EXPECT_EQ(top_result("porcupine"), "2402.04347");
    EXPECT_EQ(top_result("title:magpie"), "2406.08464");
}

TEST_F(SharedCorpusTest, KoreanQueriesMatch) {
    const json result = parse_json(papers({"search", "--json", "확산 모델"}));
    EXPECT_GT(result.at("total").get<size_t>(), 10u) << result;
}

TEST_F(SharedCorpusTest, AuthorListsNewestFirst) {
    const RunResult result = papers({"author", "--json", "Ge Zhang"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    const json object = parse_json(result);
    ASSERT_GT(object.at("results").size(), 2u) << object;
    std::string previous = "9999-99-99";
    for (const auto& hit : object.at("results")) {
        EXPECT_LE(hit.at("date").get<std::string>(), previous) << object;
        previous = hit.at("date");
    }
}

}  // namespace
}  // namespace papers::test
