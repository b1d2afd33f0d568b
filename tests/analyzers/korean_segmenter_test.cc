#include "analyzers/korean_segmenter.h"

#include <gtest/gtest.h>

#include <set>

namespace papers {
namespace {

using Splits = std::vector<std::vector<std::string>>;

IsKnownWord vocabulary(std::set<std::string> words) {
    return [words = std::move(words)](const std::string& w) { return words.count(w) > 0; };
}

TEST(KnownSplits, WholeWordFirstThenParts) {
    EXPECT_EQ(known_splits("강화학습", 10, vocabulary({"강화", "학습", "강화학습"})),
              (Splits{{"강화학습"}, {"강화", "학습"}}));
}

TEST(KnownSplits, OnlyKnownPartsOfTwoOrMoreSyllables) {
    // 화학 is a word, but 강 alone (one syllable) is never a part.
    EXPECT_EQ(known_splits("강화학습", 10, vocabulary({"강화", "학습", "화학", "강", "습"})),
              (Splits{{"강화", "학습"}}));
    EXPECT_TRUE(known_splits("강화학습", 10, vocabulary({"강화"})).empty());
}

TEST(KnownSplits, ThreeParts) {
    const Splits splits =
        known_splits("대규모언어모델", 10, vocabulary({"대규모", "언어", "모델", "언어모델"}));
    EXPECT_EQ(splits, (Splits{{"대규모", "언어모델"}, {"대규모", "언어", "모델"}}));
}

TEST(KnownSplits, BoundedByMaxResults) {
    const auto all = vocabulary({"가나", "다라", "가나다라", "마바", "다라마바", "가나다라마바"});
    EXPECT_EQ(known_splits("가나다라마바", 100, all).size(), 4u);
    EXPECT_EQ(known_splits("가나다라마바", 2, all).size(), 2u);
    EXPECT_TRUE(known_splits("가나다라마바", 0, all).empty());
}

TEST(KnownSplits, EmptyAndOneSyllable) {
    EXPECT_TRUE(known_splits("", 10, vocabulary({""})).empty());
    EXPECT_TRUE(known_splits("값", 10, vocabulary({"값"})).empty());
}

}  // namespace
}  // namespace papers
