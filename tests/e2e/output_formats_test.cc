// What a new user pastes and pipes: Hugging Face paper URLs, --format
// oneline, and a header whose range matches its count.
#include "tests/e2e/papers_test.h"

namespace papers::test {
namespace {

class FormatsTest : public PapersTest {
  protected:
    void SetUp() override { ASSERT_NO_FATAL_FAILURE(index_seed_corpus()); }
};

TEST_F(FormatsTest, ShowAndSimilarTakeHuggingFaceUrls) {
    for (const char* pasted :
         {"https://huggingface.co/papers/2409.16191", "huggingface.co/papers/2409.16191#comments",
          "https://hf.co/papers/2409.16191"}) {
        const RunResult show = papers({"show", "--json", pasted});
        ASSERT_EQ(show.exit_code, 0) << pasted << "\n" << describe(show);
        EXPECT_EQ(parse_json(show).at("arxiv_id"), "2409.16191");
        const RunResult similar = papers({"similar", "--json", pasted});
        ASSERT_EQ(similar.exit_code, 0) << pasted << "\n" << describe(similar);
        EXPECT_EQ(parse_json(similar).at("arxiv_id"), "2409.16191");
    }
}

TEST_F(FormatsTest, OnelineIsIdDateVotesTitle) {
    const RunResult result = papers({"search", "--format", "oneline", "title:HelloBench"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(result.out.rfind("2409.16191\t2024-09-25\t", 0), 0u) << result.out;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1) << result.out;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\t'), 3) << result.out;
    // The same papers as the JSON, in the same order.
    const RunResult many = papers({"search", "--format", "oneline", "--limit", "5", "model"});
    const auto object = parse_json(papers({"search", "--json", "--limit", "5", "model"}));
    std::string ids;
    for (const auto& hit : object.at("results"))
        ids += hit.at("arxiv_id").get<std::string>() + "\n";
    std::string first_fields;
    for (size_t at = 0; at < many.out.size(); at = many.out.find('\n', at) + 1)
        first_fields += many.out.substr(at, many.out.find('\t', at) - at) + "\n";
    EXPECT_EQ(first_fields, ids) << many.out;
    EXPECT_EQ(papers({"search", "--format", "json", "model"}).out,
              papers({"search", "--json", "model"}).out);
}

TEST_F(FormatsTest, OnelinePrintsNoControlCharacterRaw) {
    const std::string fixture = (fixtures_dir() / "e2e" / "control-chars").string();
    ASSERT_NO_FATAL_FAILURE(index(fixture));
    const RunResult result =
        papers({"search", "--format", "oneline", "--color", "always", "Zorblax"});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_EQ(result.out.find(kEsc), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find('\a'), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("\xc2\x9b"), std::string::npos) << result.out;
    EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\t'), 3) << result.out;
    EXPECT_EQ(result.out.rfind("2410.00001\t2024-10-01\t3\t", 0), 0u) << result.out;
}

TEST_F(FormatsTest, HeaderRangeCountsOnlyThePapersItCounts) {
    // Papers with every word come first; those with some of the words follow
    // and are not in "N results (showing a-b)".
    const auto object =
        parse_json(papers({"search", "--json", "--limit", "100", "generation", "HelloBench"}));
    const size_t every = object.at("total_every_word");
    ASSERT_LT(every, object.at("results").size()) << object;
    const RunResult text = papers({"search", "--limit", "100", "generation", "HelloBench"});
    const std::string header = text.out.substr(0, text.out.find('\n'));
    const std::string range = "(showing 1-" + std::to_string(every) + ")";
    EXPECT_NE(header.find(range), std::string::npos) << header;
}

TEST_F(FormatsTest, LongTitlesWrapToTheTerminal) {
    // The pseudo-terminal is 100 columns wide: no line of the page is wider.
    const RunResult result = papers({"search", "--color", "never", "model"}, {}, Stdout::Terminal);
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    size_t at = 0;
    while (at < result.out.size()) {
        const size_t end = std::min(result.out.find('\n', at), result.out.size());
        std::string line = result.out.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Bytes over-count Hangul (3 bytes, 2 columns); a title line is Latin.
        if (line.find("  ") == 0 && line.find("https://") == std::string::npos) {
            size_t columns = 0;
            for (unsigned char c : line) columns += (c & 0xC0) != 0x80;
            EXPECT_LE(columns, 100u) << line;
        }
        at = end + 1;
    }
}

}  // namespace
}  // namespace papers::test
