// Which mined candidates the glossary learns: document terms in, entries out.
#include "analyzers/glossary.h"

#include <gtest/gtest.h>

#include <string>

namespace papers {
namespace {

class GlossaryTest : public ::testing::Test {
  protected:
    // `papers` documents that each mention the candidate (korean key, english key).
    void add(const std::string& korean, const std::string& english, int papers) {
        const auto term = glossary_term({korean, english, korean, english});
        ASSERT_TRUE(term);
        for (int i = 0; i < papers; ++i) {
            Xapian::Document doc;
            doc.add_boolean_term(*term);
            db_.add_document(doc);
        }
    }

    // "english=korean:papers" for every entry, most papers first.
    std::vector<std::string> learned() const {
        std::vector<std::string> out;
        for (const auto& entry : learned_glossary(db_))
            out.push_back(entry.english_key + "=" + entry.korean_key + ":" +
                          std::to_string(entry.papers));
        return out;
    }

    Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(GlossaryTest, TermRoundTrips) {
    const GlossaryPair pair{"강화학습", "reinforc learn", "강화 학습", "reinforcement learning"};
    const auto term = glossary_term(pair);
    ASSERT_TRUE(term);
    EXPECT_EQ(term->substr(0, 2), "XG");
    const auto parsed = parse_glossary_term(*term);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->korean_key, pair.korean_key);
    EXPECT_EQ(parsed->english, pair.english);
    EXPECT_FALSE(parse_glossary_term("XGonly\tthree\tparts"));
    EXPECT_FALSE(glossary_term({"키", "key", "키", std::string(300, 'k')}));
}

TEST_F(GlossaryTest, TheLongestWellSupportedSpanWins) {
    // A paper mentioning "강화 학습(...)" has the candidates 학습 and 강화학습.
    add("학습", "reinforc learn", 10);
    add("강화학습", "reinforc learn", 8);
    add("심층강화학습", "reinforc learn", 1);  // too few papers
    add("세분화", "segment", 20);
    add("이미지세분화", "segment", 3);  // under a quarter of 세분화's papers
    EXPECT_EQ(learned(),
              (std::vector<std::string>{"segment=세분화:20", "reinforc learn=강화학습:8"}));
}

TEST_F(GlossaryTest, SeveralTranslationsAreKept) {
    add("대규모언어모델", "larg languag model", 5);
    add("대형언어모델", "larg languag model", 4);
    add("거대언어모델", "larg languag model", 1);  // too few papers
    EXPECT_EQ(learned(), (std::vector<std::string>{"larg languag model=대규모언어모델:5",
                                                   "larg languag model=대형언어모델:4"}));
}

TEST_F(GlossaryTest, AKoreanTermLearnedForTheEndOfTheEnglishIsLeftOut) {
    add("언어모델", "languag model", 5);
    add("언어모델", "vision languag model", 8);  // from "비전-언어 모델(vision-language models)"
    add("시각언어모델", "vision languag model", 1);
    add("모델", "diffus model", 2);  // not the end of another English term
    EXPECT_EQ(learned(),
              (std::vector<std::string>{"languag model=언어모델:5", "diffus model=모델:2"}));
}

TEST_F(GlossaryTest, PairsOfOnePaperAreNotLearned) {
    add("쿼리", "featur", 1);
    add("포인트맵", "pointmap", kGlossaryMinPapers);
    EXPECT_EQ(learned(), (std::vector<std::string>{"pointmap=포인트맵:2"}));
}

TEST_F(GlossaryTest, PapersAreCountedOnceWhateverTheSpelling) {
    Xapian::Document both;  // one paper writing the pair two ways
    both.add_boolean_term(
        *glossary_term({"확산모델", "diffus model", "확산 모델", "diffusion model"}));
    both.add_boolean_term(
        *glossary_term({"확산모델", "diffus model", "확산모델", "diffusion models"}));
    db_.add_document(both);
    add("확산모델", "diffus model", 1);
    EXPECT_EQ(learned(), (std::vector<std::string>{"diffus model=확산모델:2"}));
}

TEST_F(GlossaryTest, KeysOfText) {
    Analyzer analyzer;
    const GlossaryKeys keys = glossary_keys("강화 학습을 Reinforcement Learning", analyzer);
    EXPECT_EQ(keys.korean, "강화학습");
    EXPECT_EQ(keys.english, "reinforc learn");
    EXPECT_TRUE(is_korean_key(keys.korean));
    EXPECT_FALSE(is_korean_key(keys.english));
}

}  // namespace
}  // namespace papers
