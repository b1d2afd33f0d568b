// The glossary through the index writer and the searcher: pairs counted per
// paper, kept right when files change, stored as synonyms both ways, carried
// by rebuild, and used to expand queries.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "analyzers/analyzer.h"
#include "analyzers/glossary.h"
#include "indexer/rebuild.h"
#include "query/text_query.h"
#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

// Paper 2409.00001 of kDayOne says 확산 모델(diffusion model) and 강화
// 학습(Reinforcement Learning, RL); day 10/01 says each pair once more, so
// both are learned (two papers). Only-Korean and only-English papers follow.
const char* kGlossaryDay = R"(## Daily Papers (2024-10-01)

### [Diffusion Planning](https://arxiv.org/abs/2410.00001)

Vote: 3

Authors: Eve Adams

- **What's New**: 확산 모델(diffusion models)을 계획 문제에 적용합니다.
- **Technical Details**: 강화 학습(reinforcement learning)과 결합합니다.

### [Denoising Everything](https://arxiv.org/abs/2410.00002)

Vote: 3

Authors: Frank Hall

- **What's New**: 이 논문은 확산 모델을 사용하는 새로운 생성 방법을 제안합니다.

### [Sampling Faster](https://arxiv.org/abs/2410.00003)

Vote: 3

Authors: Grace Lee

- **What's New**: 이 논문은 diffusion model 사용하는 새로운 생성 방법을 제안합니다.
- **Technical Details**: reinforcement learning 정책을 씁니다.
)";

class GlossaryIndexTest : public IndexFixture {
  protected:
    void SetUp() override {
        IndexFixture::SetUp();
        std::filesystem::create_directories(corpus() + "/2024/10");
        write("2024/10/01.md", kGlossaryDay);
    }

    GlossaryKeys keys(const std::string& text) const { return glossary_keys(text, analyzer_); }

    std::vector<std::string> synonyms(const std::string& key) const {
        Xapian::Database database(db());
        return {database.synonyms_begin(key), database.synonyms_end(key)};
    }

    // Papers of the entry whose English side is `english`; 0 when not learned.
    size_t papers_of(const std::string& english) {
        auto results = open()->glossary(english);
        EXPECT_TRUE(results);
        for (const auto& entry : results->entries)
            if (entry.english_key == keys(english).english) return entry.papers;
        return 0;
    }

    // The arXiv ids a search returns, best first.
    std::vector<std::string> ids(const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.limit = 20;
        request.votes_weight = 0;
        auto results = open()->search(request);
        EXPECT_TRUE(results) << (results ? "" : results.error().message);
        std::vector<std::string> out;
        if (results)
            for (const auto& hit : results->hits) out.push_back(hit.paper.arxiv_id);
        return out;
    }

    static bool has(const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }

    Analyzer analyzer_;
};

TEST_F(GlossaryIndexTest, PairsAreCountedPerPaperAndStoredBothWays) {
    index();
    EXPECT_EQ(papers_of("diffusion model"), 2u);
    EXPECT_EQ(papers_of("reinforcement learning"), 2u);
    EXPECT_EQ(synonyms(keys("diffusion model").english),
              std::vector<std::string>{keys("확산 모델").korean});
    EXPECT_EQ(synonyms(keys("확산 모델").korean),
              std::vector<std::string>{keys("diffusion model").english});
    // 비디오 합성(video synthesis) is in one paper only.
    EXPECT_EQ(papers_of("video synthesis"), 0u);
    EXPECT_TRUE(synonyms(keys("video synthesis").english).empty());
}

TEST_F(GlossaryIndexTest, ChangedAndDeletedFilesUpdateCounts) {
    index();
    // Day one's 2409.00001 keeps saying 확산 모델(diffusion model); day 10/01
    // stops saying it, so the pair falls under the threshold.
    std::string changed = kGlossaryDay;
    changed.replace(changed.find("(diffusion models)"), std::string("(diffusion models)").size(),
                    "");
    write("2024/10/01.md", changed);
    index();
    EXPECT_EQ(papers_of("diffusion model"), 0u);
    EXPECT_TRUE(synonyms(keys("diffusion model").english).empty());
    EXPECT_EQ(papers_of("reinforcement learning"), 2u);

    write("2024/10/01.md", kGlossaryDay);
    index();
    EXPECT_EQ(papers_of("diffusion model"), 2u);
    std::filesystem::remove(corpus() + "/2024/10/01.md");
    index();
    EXPECT_EQ(papers_of("reinforcement learning"), 0u);
    EXPECT_TRUE(synonyms(keys("강화 학습").korean).empty());
}

TEST_F(GlossaryIndexTest, RebuildKeepsTheSynonyms) {
    index();
    auto lock = WriterLock::acquire(db(), "test", false);
    ASSERT_TRUE(lock);
    auto rebuilt = rebuild_index(*lock, {corpus()});
    ASSERT_TRUE(rebuilt) << rebuilt.error().message;
    EXPECT_EQ(synonyms(keys("diffusion model").english),
              std::vector<std::string>{keys("확산 모델").korean});
    EXPECT_EQ(papers_of("diffusion model"), 2u);
}

TEST_F(GlossaryIndexTest, EnglishQueriesFindKoreanOnlyPapersAndBack) {
    index();
    const auto english = ids("diffusion model");
    EXPECT_TRUE(has(english, "2410.00002")) << "the paper saying only 확산 모델";
    const auto korean = ids("확산모델");
    EXPECT_TRUE(has(korean, "2410.00003")) << "the paper saying only diffusion model";
    // 2409.00002 writes only 강화학습.
    EXPECT_TRUE(has(ids("reinforcement learning"), "2409.00002"));
    EXPECT_TRUE(has(ids("강화 학습"), "2410.00003"));
    // Within a field too.
    EXPECT_TRUE(has(ids("whatsnew:(diffusion model)"), "2410.00002"));
    EXPECT_FALSE(has(ids("title:(diffusion model)"), "2410.00002"));
}

// Word translations: 음성 = speech (in two papers' aligned pairs), 인식 =
// recognition (two), so "speech recognition", which no paper pairs whole,
// finds the paper that only says 음성 인식.
const char* kWordsDay = R"(## Daily Papers (2024-10-02)

### [Listening Machines](https://arxiv.org/abs/2410.00011)

Vote: 1

Authors: Ian Moss

- **What's New**: 자동 음성 인식(automatic speech recognition) 모델을 제안합니다.

### [Talking Machines](https://arxiv.org/abs/2410.00012)

Vote: 1

Authors: Jane Roe

- **What's New**: 음성 합성(speech synthesis)과 객체 인식(object recognition)을 다룹니다.

### [Hearing Better](https://arxiv.org/abs/2410.00013)

Vote: 1

Authors: Kim Lee

- **What's New**: 이 논문은 음성 인식 성능을 높였습니다.
)";

TEST_F(GlossaryIndexTest, WordTranslationsComposeTermsNoPaperPairsWhole) {
    write("2024/10/02.md", kWordsDay);
    index();
    EXPECT_EQ(synonyms(word_translation_key(keys("speech").english)),
              std::vector<std::string>{"음성"});
    EXPECT_EQ(synonyms(word_translation_key(keys("recognition").english)),
              std::vector<std::string>{"인식"});
    // "object" -> 객체 is in one paper only.
    EXPECT_TRUE(synonyms(word_translation_key(keys("object").english)).empty());
    EXPECT_TRUE(has(ids("speech recognition"), "2410.00013"));
    // One word is not translated word by word.
    EXPECT_FALSE(has(ids("speech"), "2410.00013"));
}

TEST_F(GlossaryIndexTest, TheTypedLanguageRanksFirst) {
    index();
    // 2410.00002 and 2410.00003 differ only in the language of the term.
    const auto english = ids("diffusion model 생성 방법");
    const auto korean = ids("확산 모델 생성 방법");
    const auto rank = [](const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) - ids.begin();
    };
    ASSERT_TRUE(has(english, "2410.00002") && has(english, "2410.00003"));
    EXPECT_LT(rank(english, "2410.00003"), rank(english, "2410.00002"));
    ASSERT_TRUE(has(korean, "2410.00002") && has(korean, "2410.00003"));
    EXPECT_LT(rank(korean, "2410.00002"), rank(korean, "2410.00003"));
}

TEST_F(GlossaryIndexTest, BuilderSaysWhichTermsCameFromTheGlossary) {
    index();
    Xapian::Database database(db());
    TextQueryBuilder builder(analyzer_, database, Strictness::Compounds);
    builder.words("diffusion model", "");
    std::map<std::string, TermOrigin> origins;
    for (const auto& origin : builder.origins()) origins[origin.term] = origin.origin;
    EXPECT_EQ(origins.at("model"), TermOrigin::Typed);
    EXPECT_EQ(origins.at(keys("확산 모델").korean), TermOrigin::Synonym);
    // The split spelling 확산 모델 is their Korean pair, the key itself: one
    // term, not a phrase of its parts.
    EXPECT_EQ(origins.count("확산"), 0u);
    EXPECT_EQ(builder.words("확산 모델", "").get_description().find("확산 PHRASE"),
              std::string::npos);
    // The other language's reading weighs less than the words as typed.
    const std::string description = builder.words("reinforcement learning", "").get_description();
    EXPECT_NE(description.find("0.5 * "), std::string::npos) << description;
}

}  // namespace
}  // namespace papers::test
