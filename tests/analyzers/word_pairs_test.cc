// Word pairs (analyzers/word_pairs.h): input -> the pair terms the index
// adds, each at the position of its first word.
#include "analyzers/word_pairs.h"

#include <gtest/gtest.h>

#include <string>

namespace papers {
namespace {

// "pair@position" for each pair of `text`, separated by "|".
std::string pairs_of(const Analyzer& analyzer, std::string_view text) {
    WordPairs pairs(text);
    std::string out;
    for (const Term& term : analyzer.analyze(text)) {
        if (const auto pair = pairs.next(term))
            out += (out.empty() ? "" : "|") + *pair + '@' + std::to_string(term.position - 1);
    }
    return out;
}

TEST(WordPairsTest, WordsSideBySide) {
    const Analyzer analyzer;
    const struct {
        const char* input;
        const char* expected;
    } cases[] = {
        {"강화 학습", "강화학습@1"},
        {"강화  학습을 사용했다", "강화학습@1"},  // the particle ends the stem: a gap after
        {"대규모 언어 모델", "대규모언어@1|언어모델@2"},
        {"강화학습", ""},                  // one word: a term of its own already
        {"학습을 강화", ""},               // a particle on the first: a position gap
        {"강화, 학습", ""},                // punctuation between
        {"강화(reinforcement) 학습", ""},  // a word between, of another script
        {"보상 model", ""},                // Korean and English do not pair
        {"Reward Models", "reward model@1"},
        {"large language models", "larg languag@1|languag model@2"},
        {"use GPT-4o now", "use gpt@1|gpt 4o@2|4o now@3"},  // a mixed token's parts pair
        {"reward, model", ""},
        {"reward (model)", ""},
        {"", ""},
    };
    for (const auto& c : cases) EXPECT_EQ(pairs_of(analyzer, c.input), c.expected) << c.input;
}

TEST(WordPairsTest, PairTermsByScript) {
    EXPECT_EQ(pair_term("강화", "학습"), "강화학습");
    EXPECT_EQ(pair_term("reward", "model"), "reward model");
    EXPECT_EQ(pair_term("gpt", "4o"), "gpt 4o");
    EXPECT_EQ(pair_term("jose", "pombal"), "jose pombal");
    EXPECT_FALSE(pair_term("보상", "model"));
    EXPECT_FALSE(pair_term("model", "보상"));
    EXPECT_FALSE(pair_term("模", "型"));  // ideographs are unigrams
    EXPECT_FALSE(pair_term("", "model"));
}

TEST(WordPairsTest, OnlySpacesBetween) {
    EXPECT_TRUE(only_spaces_between("a \tb", 1, 3));
    EXPECT_TRUE(only_spaces_between("ab", 1, 1));
    EXPECT_FALSE(only_spaces_between("a,b", 1, 2));
    EXPECT_FALSE(only_spaces_between("ab", 2, 1));  // reversed
    EXPECT_FALSE(only_spaces_between("ab", 1, 5));  // past the end
}

}  // namespace
}  // namespace papers
