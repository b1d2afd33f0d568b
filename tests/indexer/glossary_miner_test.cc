// The glossary miner on text shaped like the real summaries.
#include "indexer/glossary_miner.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace papers {
namespace {

using Spans = std::set<std::string>;

class GlossaryMinerTest : public ::testing::Test {
  protected:
    // Every candidate mined, as "english: korean".
    Spans mined(std::string_view text) const {
        Spans out;
        for (const auto& pair : mine_glossary_pairs(text, analyzer_))
            out.insert(pair.english + ": " + pair.korean);
        return out;
    }

    Analyzer analyzer_;
};

TEST_F(GlossaryMinerTest, CandidatesAreTheTrailingKoreanWords) {
    // "분야에서" carries a particle: the run stops before it.
    EXPECT_EQ(mined("생성 분야에서 확산 모델(diffusion models)의 성공"),
              (Spans{"diffusion models: 확산 모델"}));
    EXPECT_EQ(mined("멀티모달 대형 언어 모델(Multi-Modal Large Language Models, MLLMs)의"),
              (Spans{"multi-modal large language models: 대형 언어 모델",
                     "multi-modal large language models: 멀티모달 대형 언어 모델"}));
    EXPECT_EQ(
        mined("대규모 언어 모델(Large Language Models)의"),
        (Spans{"large language models: 언어 모델", "large language models: 대규모 언어 모델"}));
}

TEST_F(GlossaryMinerTest, SpansAreAtMostAsLongAsTheEnglish) {
    EXPECT_EQ(mined("주로 이미지 피처 인코더(feature encoder)로"),
              (Spans{"feature encoder: 인코더", "feature encoder: 피처 인코더"}));
    EXPECT_EQ(mined("이미지 세분화(segmentation)"), (Spans{"segmentation: 세분화"}));
    EXPECT_EQ(mined("대규모 데이터셋(dataset)"), (Spans{"dataset: 데이터셋"}));
    // "pre-trained" counts as two words.
    EXPECT_EQ(mined("대량 사전 훈련된(pre-trained) 모델"), (Spans{"pre-trained: 사전 훈련된"}));
}

TEST_F(GlossaryMinerTest, ModifiersEndTheRun) {
    EXPECT_EQ(mined("새로운 딥러닝 기법(deep learning method)"),
              (Spans{"deep learning method: 딥러닝 기법"}));
    EXPECT_EQ(mined("특히 확산 모델(diffusion model)을"), (Spans{"diffusion model: 확산 모델"}));
}

TEST_F(GlossaryMinerTest, SpansShorterThanTheEnglishAreOnlyPartOfIt) {
    EXPECT_TRUE(mined("절제 연구(ablation studies)").count("ablation studies: 절제 연구"));
    EXPECT_FALSE(mined("절제 연구(ablation studies)").count("ablation studies: 연구"));
    EXPECT_TRUE(mined("메모리 키(key)로").empty());
}

TEST_F(GlossaryMinerTest, KeysAreTheAnalysedForms) {
    const auto pairs = mine_glossary_pairs("강화 학습(Reinforcement Learning)을", analyzer_);
    ASSERT_EQ(pairs.size(), 1u);
    const GlossaryPair& two_words = pairs[0];
    EXPECT_EQ(two_words.korean, "강화 학습");
    EXPECT_EQ(two_words.english, "reinforcement learning");
    EXPECT_EQ(two_words.korean_key, "강화학습");
    EXPECT_EQ(two_words.english_key, glossary_keys("reinforcement learning", analyzer_).english);
    EXPECT_EQ(two_words.english_key, glossary_keys("Reinforcement Learnings", analyzer_).english);
}

TEST_F(GlossaryMinerTest, AnAbbreviationAfterTheTermIsDropped) {
    EXPECT_EQ(mined("강화 학습(Reinforcement Learning, RL)으로"),
              (Spans{"reinforcement learning: 강화 학습"}));
    EXPECT_EQ(
        mined("대규모 언어 모델(Large Language Models, LLMs)을"),
        (Spans{"large language models: 언어 모델", "large language models: 대규모 언어 모델"}));
}

TEST_F(GlossaryMinerTest, NoiseIsRejected) {
    for (const char* text : {
             "잔여 벡터 양자화(RVQ)",                        // only an abbreviation
             "대형 언어 모델(LLMs)의",                       // only an abbreviation
             "자료(https://arxiv.org/abs/2408.16357)",       // a URL
             "성능(2024)이",                                 // a number
             "데이터셋(210K images)을",                      // starts with a number
             "프롬프트(점, 경계 상자, 마스크)를",            // Korean inside
             "스타일 축(style axes, 예: 길이, 공식성)에서",  // a list, Korean inside
             "방법(e.g. beam search)",                       // punctuation
             "모델(see Smith et al. 2023)",                  // a citation
             "방법(we propose a new method for this task)",  // a sentence
             "Convolutional Neural Networks (CNN)의",        // no Korean before
             "LoRA모델(model)",                              // Korean glued to Latin
             "확산 모델(diffusion model",                    // never closed
         })
        EXPECT_TRUE(mined(text).empty()) << text;
}

TEST_F(GlossaryMinerTest, OneSpaceBeforeTheParenthesisIsAllowed) {
    EXPECT_EQ(mined("보상 모델 (reward model)을"), (Spans{"reward model: 보상 모델"}));
}

}  // namespace
}  // namespace papers
