// English terms in any spelling (query/english_spellings.h): a hyphenated,
// spaced or joined term finds the papers that write it any of the ways, and
// a hyphenated one gets the glossary reading of its spaced form.
#include "query/english_spellings.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>

#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

// 10/01 and 10/02 each say 미세 조정(fine-tuning), so the pair is learned;
// 10/03 says it in Korean only; the others write the English one way each.
const char* kSpellingsDay = R"(## Daily Papers (2024-10-01)

### [Hyphenated](https://arxiv.org/abs/2410.00001)

Vote: 1

Authors: Ann Lee

- **What's New**: 미세 조정(fine-tuning)으로 GPT-4 평가를 개선합니다.

### [Joined](https://arxiv.org/abs/2410.00002)

Vote: 1

Authors: Bob Kim

- **What's New**: 미세 조정(fine-tuning)과 finetuning 비교, GPT4 사용.

### [Korean only](https://arxiv.org/abs/2410.00003)

Vote: 1

Authors: Cy Park

- **What's New**: 이 논문은 미세 조정 방법을 제안합니다.

### [Spaced](https://arxiv.org/abs/2410.00004)

Vote: 1

Authors: Di Choi

- **What's New**: full fine tuning 대신 GPT-4 어댑터를 씁니다.

### [Apart](https://arxiv.org/abs/2410.00005)

Vote: 1

Authors: Ed Song

- **What's New**: fine grained 분류와 instruction tuning 결합.

### [Another](https://arxiv.org/abs/2410.00006)

Vote: 1

Authors: Flo Han

- **What's New**: another method, an other method.
)";

class EnglishSpellingsTest : public DaysFixture {
  protected:
    void SetUp() override {
        DaysFixture::SetUp();
        index_days({{"2024/10/01.md", kSpellingsDay}});
    }
};

using Ids = std::vector<std::string>;

TEST_F(EnglishSpellingsTest, HyphenatedJoinedAndSpacedFindEachOther) {
    // The papers writing the term (any spelling) and the Korean-only one,
    // through the glossary reading of "fine tuning".
    const Ids term{"2410.00001", "2410.00002", "2410.00003", "2410.00004"};
    EXPECT_EQ(ids("fine-tuning"), term);
    EXPECT_EQ(ids("finetuning"), term);
    // Typed apart, the words are concepts: "fine grained ... tuning" too.
    Ids apart = term;
    apart.push_back("2410.00005");
    EXPECT_EQ(ids("fine tuning"), apart);
}

// No paper writes "grained zebra" nor any word of it but "grained": the
// term's words, function words aside, are the last resort before nothing.
TEST_F(EnglishSpellingsTest, AHyphenatedTermNoPaperWritesFindsItsWords) {
    SearchRequest request;
    request.query = "grained-zebra";
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_TRUE(results->relaxed);
    ASSERT_EQ(results->hits.size(), 1u);
    EXPECT_EQ(results->hits.front().paper.arxiv_id, "2410.00005");
    request.query = "of-zebra";  // "of" alone finds nothing
    results = searcher_->search(request);
    ASSERT_TRUE(results);
    EXPECT_TRUE(results->hits.empty());
}

TEST_F(EnglishSpellingsTest, ANameWithANumberIsFoundEitherWay) {
    // Two papers write GPT-4, one GPT4.
    EXPECT_EQ(ids("GPT-4"), (Ids{"2410.00001", "2410.00002", "2410.00004"}));
    EXPECT_EQ(ids("GPT4"), (Ids{"2410.00001", "2410.00002", "2410.00004"}));
}

TEST_F(EnglishSpellingsTest, AWordIsSplitOnlyWhenThePairIsWrittenOftenEnough) {
    Xapian::Database db(this->db());
    const auto split = split_word(analyzer_, db, "finetuning", "finetun");
    ASSERT_TRUE(split);
    EXPECT_EQ(split->first, "fine");
    EXPECT_EQ(split->second, "tune");
    // One paper writes "an other": fewer than kMinSplitPapers.
    EXPECT_FALSE(split_word(analyzer_, db, "another", "anoth"));
    EXPECT_FALSE(split_word(analyzer_, db, "gpt-4", "gpt-4"));  // not a plain word
    EXPECT_EQ(joined_term(analyzer_, "fine", "tuning"), "finetun");
    EXPECT_FALSE(joined_term(analyzer_, "미세", "조정"));
}

TEST_F(EnglishSpellingsTest, ExplainNamesTheOtherSpelling) {
    SearchRequest request;
    request.query = "fine-tuning";
    request.explain = true;
    auto results = searcher_->search(request);
    ASSERT_TRUE(results);
    bool joined_named = false;
    for (const auto& hit : results->hits) {
        ASSERT_TRUE(hit.explanation);
        for (const auto& term : hit.explanation->terms) {
            if (term.term == "finetun") {
                EXPECT_EQ(term.origin, TermOrigin::EnglishVariant);
                joined_named = true;
            }
            if (term.term == "fine-tun") {
                EXPECT_EQ(term.origin, TermOrigin::Typed);
            }
        }
    }
    EXPECT_TRUE(joined_named);
}

}  // namespace
}  // namespace papers::test
