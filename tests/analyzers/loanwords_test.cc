// Loanwords by sound (analyzers/loanwords.h): the romaniser, the consonant
// skeleton, and the pairs the shared corpus itself writes as `한국어(English)`
// that the skeletons must match (and words they must not).
#include "analyzers/loanwords.h"

#include <gtest/gtest.h>

namespace papers {
namespace {

TEST(Loanwords, RomanisesSyllablesByTheirCodePoint) {
    EXPECT_EQ(romanize_hangul("토크나이저"), "tokeunaijeo");
    EXPECT_EQ(romanize_hangul("클라우드"), "keulraudeu");
    EXPECT_EQ(romanize_hangul("벤치마크"), "benchimakeu");
    EXPECT_EQ(romanize_hangul("닭"), "dak");  // a double final as pronounced alone
    EXPECT_EQ(romanize_hangul("GPT 모델!"), "model");
    EXPECT_EQ(romanize_hangul("ㅋㅋ"), "");  // bare jamo are not syllables
}

TEST(Loanwords, SkeletonKeepsConsonantClasses) {
    EXPECT_EQ(consonant_skeleton("tokeunaijeo"), "tknj");
    EXPECT_EQ(consonant_skeleton("keulraudeu"), "klt");  // lr without a vowel counts once
    EXPECT_EQ(consonant_skeleton("deiteo"), "tt");       // across a vowel it counts twice
    EXPECT_EQ(consonant_skeleton("benchimakeu"), "pnjmk");
    EXPECT_EQ(consonant_skeleton("eotensyeon"), "atnsn");  // a leading vowel
    EXPECT_EQ(consonant_skeleton(""), "");
    EXPECT_EQ(skeleton_consonants("atnsn"), 4u);
}

TEST(Loanwords, EnglishSpellingRules) {
    EXPECT_EQ(english_skeleton("tokenizer"), "tknj");   // z as j, final r silent
    EXPECT_EQ(english_skeleton("benchmark"), "pnjmk");  // r before a consonant silent
    EXPECT_EQ(english_skeleton("attention"), "atnsn");  // tion, a leading vowel
    EXPECT_EQ(english_skeleton("image"), "amj");        // soft g
    EXPECT_EQ(english_skeleton("vision"), "pjn");       // sion after a vowel: 비전
    EXPECT_EQ(english_skeleton("version"), "pjn");      // and after r: 버전
    EXPECT_EQ(english_skeleton("dimension"), "tmnsn");  // else s: 디멘션
    EXPECT_EQ(english_skeleton("process"), "plss");     // soft c
    EXPECT_EQ(english_skeleton("pixel"), "pksl");       // x
}

// Pairs the shared corpus writes as 한국어(English), Korean a transliteration.
TEST(Loanwords, CorpusPairsShareASkeleton) {
    const std::pair<const char*, const char*> pairs[] = {
        {"트랜스포머", "transformer"},
        {"벤치마크", "benchmark"},
        {"비디오", "video"},
        {"하이브리드", "hybrid"},
        {"어텐션", "attention"},
        {"프롬프트", "prompt"},
        {"인코더", "encoder"},
        {"에이전트", "agent"},
        {"트레이닝", "training"},
        {"디스틸레이션", "distillation"},
        {"피드포워드", "feedforward"},
        {"토크나이저", "tokenizer"},
        {"포인트", "point"},
        {"클라우드", "cloud"},
        {"스케일링", "scaling"},
        {"시퀀스", "sequence"},
        {"텍스트", "text"},
        {"모델", "model"},
        {"비전", "vision"},
    };
    for (const auto& [korean, english] : pairs)
        EXPECT_EQ(korean_skeleton(korean), english_skeleton(english)) << korean << " " << english;
}

TEST(Loanwords, SpellingVariantsShareASkeleton) {
    EXPECT_EQ(korean_skeleton("토커나이저"), korean_skeleton("토크나이저"));
    EXPECT_EQ(korean_skeleton("트랜스포머"), korean_skeleton("트랜스퍼머"));
}

TEST(Loanwords, NativeWordsAndOtherTermsDoNotMatch) {
    EXPECT_NE(korean_skeleton("학습"), english_skeleton("learning"));
    EXPECT_NE(korean_skeleton("토큰"), english_skeleton("tokenizer"));
    EXPECT_NE(korean_skeleton("입술"), english_skeleton("facial"));  // 212 times as likely together
}

// Sound alone cannot tell these; the papers do (indexer/loanword_learner.h).
TEST(Loanwords, SomeSkeletonsAreAmbiguous) {
    EXPECT_EQ(korean_skeleton("데이터"), english_skeleton("date"));
    EXPECT_EQ(korean_skeleton("모델"), english_skeleton("module"));
}

TEST(Loanwords, KeysCannotBeGlossaryKeys) {
    EXPECT_EQ(loanword_key("token"), "^token");
    EXPECT_EQ(loanword_skeleton_key("tknj"), "%tknj");
}

}  // namespace
}  // namespace papers
