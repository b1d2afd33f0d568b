#include "analyzers/korean_segmenter.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace papers {
namespace {

using Segmentations = std::vector<std::vector<std::string>>;

TEST(KoreanSegmenterTest, TwoParts) {
    EXPECT_EQ(hangul_segmentations("강화학습", 10),
              (Segmentations{{"강화학습"}, {"강화", "학습"}}));
}

TEST(KoreanSegmenterTest, WholeFirstThenFewerPartsFirst) {
    const Segmentations s = hangul_segmentations("대규모언어모델", 100);
    const Segmentations expected = {
        {"대규모언어모델"},         {"대규", "모언어모델"},     {"대규모", "언어모델"},
        {"대규모언", "어모델"},     {"대규모언어", "모델"},     {"대규", "모언", "어모델"},
        {"대규", "모언어", "모델"}, {"대규모", "언어", "모델"},
    };
    EXPECT_EQ(s, expected);
}

TEST(KoreanSegmenterTest, Bounded) {
    EXPECT_EQ(hangul_segmentations("대규모언어모델", 3).size(), 3u);
    EXPECT_TRUE(hangul_segmentations("대규모언어모델", 0).empty());
    // A long run has many splits; the bound keeps it cheap.
    const Segmentations s = hangul_segmentations("가나다라마바사아자차카타파하가나다라", 50);
    EXPECT_EQ(s.size(), 50u);
    EXPECT_EQ(s.front().size(), 1u);
}

TEST(KoreanSegmenterTest, EveryPartHasTwoSyllablesAndTheyJoinBack) {
    const std::string word = "다중모달대형언어모델";
    for (const auto& parts : hangul_segmentations(word, 1000)) {
        std::string joined;
        for (const std::string& p : parts) {
            EXPECT_GE(p.size(), 6u) << p;
            joined += p;
        }
        EXPECT_EQ(joined, word);
    }
}

TEST(KoreanSegmenterTest, ShortOrNotHangul) {
    EXPECT_EQ(hangul_segmentations("모델", 10), (Segmentations{{"모델"}}));
    EXPECT_EQ(hangul_segmentations("모델링", 10), (Segmentations{{"모델링"}}));
    EXPECT_EQ(hangul_segmentations("gpt4", 10), (Segmentations{{"gpt4"}}));
    EXPECT_TRUE(hangul_segmentations("", 10).empty());
}

TEST(KoreanSegmenterTest, IsHangulTerm) {
    EXPECT_TRUE(is_hangul_term("강화학습"));
    EXPECT_TRUE(is_hangul_term("\u1112\u1161"));  // conjoining jamo
    EXPECT_FALSE(is_hangul_term(""));
    EXPECT_FALSE(is_hangul_term("gpt"));
    EXPECT_FALSE(is_hangul_term("모델a"));
    EXPECT_FALSE(is_hangul_term("中文"));
    EXPECT_FALSE(is_hangul_term("\xea\xb0"));  // truncated
}

}  // namespace
}  // namespace papers
