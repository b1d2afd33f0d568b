// Korean pairs (analyzers/korean_pairs.h): input -> the joined stems the
// index adds, each after the position of its first stem.
#include "analyzers/korean_pairs.h"

#include <gtest/gtest.h>

#include <string>

namespace papers {
namespace {

// "pair@position" for each pair of `text`, space separated.
std::string pairs_of(const Analyzer& analyzer, std::string_view text) {
    KoreanPairs pairs(text);
    std::string out;
    for (const Term& term : analyzer.analyze(text)) {
        if (const auto joined = pairs.next(term))
            out += (out.empty() ? "" : " ") + *joined + '@' + std::to_string(term.position - 1);
    }
    return out;
}

TEST(KoreanPairsTest, StemsSideBySideWithOnlySpacesBetween) {
    const Analyzer analyzer;
    const struct {
        const char* input;
        const char* expected;
    } cases[] = {
        {"강화 학습", "강화학습@1"},
        {"강화  학습을 사용했다", "강화학습@1"},  // spaces are spaces; the particle ends the stem
        {"대규모 언어 모델", "대규모언어@1 언어모델@2"},
        {"강화학습", ""},                  // one word: a term of its own already
        {"학습을 강화", ""},               // a particle on the first: a position gap
        {"강화, 학습", ""},                // punctuation between
        {"강화(reinforcement) 학습", ""},  // a word between
        {"보상 model", ""},                // Korean and English are no pair
        {"reward model", ""},              // nor English words
        {"", ""},
    };
    for (const auto& c : cases) EXPECT_EQ(pairs_of(analyzer, c.input), c.expected) << c.input;
}

TEST(KoreanPairsTest, OnlySpacesBetween) {
    EXPECT_TRUE(only_spaces_between("a \tb", 1, 3));
    EXPECT_TRUE(only_spaces_between("ab", 1, 1));
    EXPECT_FALSE(only_spaces_between("a,b", 1, 2));
    EXPECT_FALSE(only_spaces_between("ab", 2, 1));  // reversed
    EXPECT_FALSE(only_spaces_between("ab", 1, 5));  // past the end
}

}  // namespace
}  // namespace papers
