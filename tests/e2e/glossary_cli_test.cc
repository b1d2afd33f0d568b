// papers glossary: what the index learned, as text and JSON, and its exit
// codes, on a small fixture (tests/fixtures/e2e/glossary/).
#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

using nlohmann::json;

class GlossaryCliTest : public PapersTest {
  protected:
    void SetUp() override { index((fixtures_dir() / "e2e" / "glossary").string()); }
};

TEST_F(GlossaryCliTest, ListsTheMostCommonPairs) {
    const RunResult result = papers({"glossary", "--json"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    const json object = parse_json(result);
    EXPECT_EQ(object.at("term"), "");
    EXPECT_EQ(object.at("total"), 3) << object;  // video synthesis: one paper only
    for (const auto& entry : object.at("entries")) EXPECT_EQ(entry.at("papers"), 2) << object;
    EXPECT_EQ(object.at("entries").size(), 3u);
}

TEST_F(GlossaryCliTest, FindsPairsByEitherSide) {
    for (const char* term : {"reward", "Reward Models", "보상", "보상모델을"}) {
        const json object = parse_json(papers({"glossary", "--json", term}));
        ASSERT_EQ(object.at("total"), 1) << term << "\n" << object;
        EXPECT_EQ(object.at("entries").at(0).at("korean"), "보상 모델") << object;
        EXPECT_EQ(object.at("entries").at(0).at("english"), "reward model") << object;
    }
}

// --db takes one path: the term after it is the term, not a second index.
TEST_F(GlossaryCliTest, TheTermMayFollowDb) {
    const RunResult result = papers({"glossary", "--json", "--db", db(), "reward"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(parse_json(result).at("total"), 1) << result.out;
}

TEST_F(GlossaryCliTest, TextIsAnAlignedTable) {
    const RunResult result = papers({"glossary", "--limit", "2"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(result.out.find("3 glossary pairs learned (showing 2)\n"), 0u) << result.out;
    EXPECT_NE(result.out.find("papers  korean     english\n"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find(kEsc), std::string::npos);
}

TEST_F(GlossaryCliTest, ColourOnlyOnATerminalWithoutNoColor) {
    const RunResult terminal = papers({"glossary"}, {}, Stdout::Terminal);
    ASSERT_EQ(terminal.exit_code, 0) << describe(terminal);
    EXPECT_NE(terminal.out.find(kEsc), std::string::npos) << terminal.out;
    const RunResult no_color = papers({"glossary"}, {{"NO_COLOR", "1"}}, Stdout::Terminal);
    EXPECT_EQ(no_color.out.find(kEsc), std::string::npos) << no_color.out;
}

TEST_F(GlossaryCliTest, ATermIsEchoedWithoutControlCharacters) {
    const RunResult result = papers({"glossary", "\x1b[31mreward"});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_EQ(result.err.find(kEsc), std::string::npos) << result.err;
}

TEST_F(GlossaryCliTest, NothingFoundExitsOne) {
    const RunResult result = papers({"glossary", "transformer"});
    EXPECT_EQ(result.exit_code, 1) << describe(result);
    EXPECT_TRUE(result.out.empty()) << result.out;
    EXPECT_NE(result.err.find("no glossary pair contains \"transformer\""), std::string::npos)
        << result.err;
}

TEST_F(GlossaryCliTest, SearchFindsTheOtherLanguage) {
    // 2410.00003 says only 확산 모델.
    const json object = parse_json(papers({"search", "--json", "diffusion model"}));
    bool found = false;
    for (const auto& hit : object.at("results")) found |= hit.at("arxiv_id") == "2410.00003";
    EXPECT_TRUE(found) << object;
}

}  // namespace
}  // namespace papers::test
