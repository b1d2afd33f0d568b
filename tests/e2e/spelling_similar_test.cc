// `papers search` with a misspelt word and `papers similar`, on the shipped
// one-day corpus (corpus/2024-09-25.md).
#include <algorithm>

#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

using nlohmann::json;

constexpr const char* kHelloBench = "2409.16191";

class SeedIndexTest : public PapersTest {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(index_seed_corpus()); }
};

TEST_F(SeedIndexTest, MisspeltSearchShowsTheCorrectedResults) {
    const RunResult text = papers({"search", "evaluting"});
    ASSERT_EQ(text.exit_code, 0) << describe(text);
    EXPECT_EQ(text.out.rfind("Showing results for evaluating (no results for evaluting)\n", 0), 0u)
        << text.out;
    EXPECT_NE(text.out.find("https://arxiv.org/abs/2409.16191"), std::string::npos) << text.out;

    const json object = parse_json(papers({"search", "--json", "evaluting"}));
    EXPECT_EQ(object.at("query"), "evaluting");
    EXPECT_EQ(object.at("suggestion"), "evaluating");
    EXPECT_EQ(object.at("corrected"), true);
    EXPECT_GT(object.at("total").get<size_t>(), 0u);
}

TEST_F(SeedIndexTest, CorrectSearchHasNoSuggestion) {
    const json object = parse_json(papers({"search", "--json", "evaluating"}));
    EXPECT_TRUE(object.at("suggestion").is_null()) << object;
    EXPECT_EQ(object.at("corrected"), false);
}

TEST_F(SeedIndexTest, SimilarListsOtherPapersLikeSearch) {
    const RunResult text = papers({"similar", "--limit", "3", kHelloBench});
    ASSERT_EQ(text.exit_code, 0) << describe(text);
    EXPECT_EQ(text.out.rfind("Papers like 2409.16191 \"HelloBench: Evaluating Long Text", 0), 0u)
        << text.out;
    EXPECT_NE(text.out.find(" 1. "), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("https://arxiv.org/abs/2409.16191"), std::string::npos) << text.out;

    const RunResult run = papers({"similar", "--json", "--limit", "5", "arXiv:2409.16191v1"});
    ASSERT_EQ(run.exit_code, 0) << describe(run);
    const json object = parse_json(run);
    EXPECT_EQ(object.at("arxiv_id"), kHelloBench);
    EXPECT_TRUE(object.at("terms").is_array());
    EXPECT_FALSE(object.at("terms").empty());
    ASSERT_EQ(object.at("results").size(), 5u) << object;
    size_t rank = 0;
    for (const auto& hit : object.at("results")) {
        EXPECT_EQ(hit.at("rank"), ++rank);
        EXPECT_NE(hit.at("arxiv_id"), kHelloBench);
        EXPECT_TRUE(hit.at("score").is_number());
    }
}

TEST_F(SeedIndexTest, SimilarUnknownIdExitsOneAndEmptyIdTwo) {
    const RunResult unknown = papers({"similar", "0000.00000"});
    EXPECT_EQ(unknown.exit_code, 1) << describe(unknown);
    EXPECT_TRUE(unknown.out.empty()) << describe(unknown);
    EXPECT_NE(unknown.err.find("0000.00000"), std::string::npos) << describe(unknown);
    EXPECT_EQ(papers({"similar", ""}).exit_code, 2);
}

}  // namespace
}  // namespace papers::test
