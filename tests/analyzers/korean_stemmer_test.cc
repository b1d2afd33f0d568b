#include "analyzers/korean_stemmer.h"

#include <gtest/gtest.h>

#include <string>

namespace papers {
namespace {

struct Case {
    const char* word;
    const char* stem;
};

void expect_stems(const Case* begin, const Case* end) {
    for (const Case* c = begin; c != end; ++c) {
        EXPECT_EQ(korean_stem(c->word), c->stem) << "word: " << c->word;
    }
}

TEST(KoreanStemmerTest, Particles) {
    const Case cases[] = {
        {"모델", "모델"},       {"모델을", "모델"},     {"모델은", "모델"},
        {"모델이", "모델"},     {"모델의", "모델"},     {"모델에", "모델"},
        {"모델과", "모델"},     {"모델로", "모델"},     {"모델도", "모델"},
        {"모델만", "모델"},     {"데이터와", "데이터"}, {"데이터를", "데이터"},
        {"방법으로", "방법"},   {"연구에서", "연구"},   {"인간에게", "인간"},
        {"현재까지", "현재"},   {"처음부터", "처음"},   {"기존보다", "기존"},
        {"언어처럼", "언어"},   {"단계마다", "단계"},   {"보상모델이", "보상모델"},
        {"텍스트나", "텍스트"}, {"모델입니다", "모델"}, {"방법이며", "방법"},
        {"모델인", "모델"},     {"손실이라는", "손실"}, {"능력뿐만", "능력"},
    };
    expect_stems(std::begin(cases), std::end(cases));
}

TEST(KoreanStemmerTest, StackedParticlesAndPlural) {
    const Case cases[] = {
        {"연구에서는", "연구"},         {"방식으로는", "방식"},
        {"실행에서의", "실행"},         {"인간과의", "인간"},
        {"모델들은", "모델"},           {"모델들에서는", "모델"},
        {"피드백으로부터의", "피드백"}, {"데이터로부터의", "데이터"},
        {"방법들보다", "방법"},         {"연구자들이", "연구자"},
        {"데이터만으로도", "데이터"},   {"객체로의", "객체"},
        {"상황에서도", "상황"},         {"것들은", "것"},
    };
    expect_stems(std::begin(cases), std::end(cases));
}

TEST(KoreanStemmerTest, VerbAndAdjectiveEndings) {
    const Case cases[] = {
        {"학습을", "학습"},         {"학습하는", "학습"},     {"학습된", "학습"},
        {"학습했습니다", "학습"},   {"학습시키는", "학습"},   {"학습하여", "학습"},
        {"제안합니다", "제안"},     {"제안했습니다", "제안"}, {"제안하였습니다", "제안"},
        {"제안한다", "제안"},       {"제안했다", "제안"},     {"제안하고", "제안"},
        {"제안해", "제안"},         {"제안하며", "제안"},     {"제안하기", "제안"},
        {"제안함", "제안"},         {"제안되는", "제안"},     {"제안됩니다", "제안"},
        {"제안되었습니다", "제안"}, {"제안됐다", "제안"},     {"제안되어", "제안"},
        {"향상시킵니다", "향상"},   {"향상되었음을", "향상"}, {"최적화된", "최적화"},
        {"최적화하는", "최적화"},   {"다양한", "다양"},       {"자연스러운", "자연"},
        {"효율적", "효율"},         {"효율적인", "효율"},     {"효율적으로", "효율"},
        {"효과적임을", "효과"},     {"효율적이며", "효율"},   {"사용함으로써", "사용"},
    };
    expect_stems(std::begin(cases), std::end(cases));
}

TEST(KoreanStemmerTest, ShortWordsKeepParticleLikeSyllables) {
    const Case cases[] = {
        {"평가", "평가"},     {"평가가", "평가"}, {"차이", "차이"}, {"차이가", "차이"},
        {"정의", "정의"},     {"회의", "회의"},   {"속도", "속도"}, {"경로", "경로"},
        {"위한", "위한"},     {"위해", "위해"},   {"대한", "대한"}, {"최적", "최적"},
        {"목적으로", "목적"}, {"이해", "이해"},   {"포함", "포함"},
    };
    expect_stems(std::begin(cases), std::end(cases));
}

TEST(KoreanStemmerTest, ProtectedNouns) {
    const Case cases[] = {
        {"정확도", "정확도"},   {"정확도를", "정확도"},         {"유사도", "유사도"},
        {"해상도가", "해상도"}, {"고해상도", "고해상도"},       {"신뢰도", "신뢰도"},
        {"전문가", "전문가"},   {"비전문가들의", "비전문가"},   {"난이도", "난이도"},
        {"도메인", "도메인"},   {"파이프라인인", "파이프라인"}, {"베이스라인을", "베이스라인"},
        {"결과도", "결과"},     {"카메라는", "카메라"},         {"페르소나를", "페르소나"},
        {"의도를", "의도"},     {"프레임을", "프레임"},         {"몬테카를로", "몬테카를로"},
    };
    expect_stems(std::begin(cases), std::end(cases));
}

TEST(KoreanStemmerTest, MonosyllabicNouns) {
    const Case cases[] = {
        {"값을", "값"}, {"것을", "것"},   {"것으로", "것"}, {"수를", "수"},
        {"개의", "개"}, {"수도", "수도"}, {"개인", "개인"}, {"이는", "이는"},
    };
    expect_stems(std::begin(cases), std::end(cases));
}

TEST(KoreanStemmerTest, WordsWithNoStem) {
    for (const char* word :
         {"및", "또는", "그리고", "의", "를", "들은", "들", "에서는", "이라는", "입니다", "와의"}) {
        EXPECT_EQ(korean_stem(word), "") << "word: " << word;
    }
}

TEST(KoreanStemmerTest, NotHangulIsLeftAlone) {
    EXPECT_EQ(korean_stem(""), "");
    EXPECT_EQ(korean_stem("model"), "model");
    EXPECT_EQ(korean_stem("ab"), "ab");
}

TEST(KoreanStemmerTest, StemIsAPrefixOfTheWord) {
    const std::string word = "학습시켰습니다";
    const std::string_view stem = korean_stem(word);
    EXPECT_EQ(stem.data(), word.data());
    EXPECT_EQ(stem, "학습");
}

}  // namespace
}  // namespace papers
