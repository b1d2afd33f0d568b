// `similar`: the papers most like one, by the paper's expand-set terms.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

// Two preference-optimization papers (one in Korean only, apart from its
// title), and an unrelated one, next to the fixture's four.
const char* kDayThree = R"(## Daily Papers (2024-09-27)

### [Direct Preference Optimization for Chat Assistants](https://arxiv.org/abs/2409.10001)

Vote: 3

Authors: Hana Kim

- **What's New**: 선호 최적화(Preference Optimization) 기법인 DPO로 챗봇을 정렬합니다. 선호 데이터만으로 정책을 학습합니다.
- **Technical Details**: 보상 모델 없이 선호 쌍으로 정책을 직접 최적화합니다.

### [Offline Alignment from Pairwise Feedback](https://arxiv.org/abs/2409.10002)

Vote: 1

Authors: Jun Park

- **What's New**: 선호 쌍 데이터로 정책을 직접 최적화하는 DPO 변형을 제안합니다. 선호 최적화의 안정성을 높입니다.

### [Protein Structure Prediction with Graph Networks](https://arxiv.org/abs/2409.10003)

Vote: 50

Authors: Hana Kim

- **What's New**: 그래프 신경망으로 단백질 구조를 예측합니다.
)";

class SimilarTest : public IndexFixture {
  protected:
    void SetUp() override {
        IndexFixture::SetUp();
        write("2024/09/27.md", kDayThree);
        index();
        searcher_ = open();
        ASSERT_NE(searcher_, nullptr);
    }

    std::vector<std::string> ids(const SimilarResults& results) {
        std::vector<std::string> out;
        for (const auto& hit : results.hits) out.push_back(hit.paper.arxiv_id);
        return out;
    }

    std::unique_ptr<Searcher> searcher_;
};

TEST_F(SimilarTest, NearestPaperFirstAndThePaperItselfExcluded) {
    auto results = searcher_->similar("2409.10001");
    ASSERT_TRUE(results) << results.error().message;
    EXPECT_EQ(results->paper.title, "Direct Preference Optimization for Chat Assistants");
    const auto found = ids(*results);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found.front(), "2409.10002");  // shares only Korean words and "dpo"
    EXPECT_EQ(std::count(found.begin(), found.end(), "2409.10001"), 0);
    EXPECT_EQ(results->total, found.size());
}

TEST_F(SimilarTest, KoreanTermsTakePartAndAuthorNamesDoNot) {
    auto results = searcher_->similar("2409.10001");
    ASSERT_TRUE(results);
    const auto& terms = results->terms;
    EXPECT_NE(std::find(terms.begin(), terms.end(), "선호"), terms.end());
    EXPECT_EQ(std::find(terms.begin(), terms.end(), "kim"), terms.end());  // the author
    // Sharing an author is not likeness: the protein paper is not found.
    const auto found = ids(*results);
    EXPECT_EQ(std::count(found.begin(), found.end(), "2409.10003"), 0);
    for (const auto& term : terms) EXPECT_TRUE(term[0] < 'A' || term[0] > 'Z') << term;
}

TEST_F(SimilarTest, AcceptsUrlsAndPagesLikeSearch) {
    auto all = searcher_->similar("https://arxiv.org/abs/2409.00001v2");
    ASSERT_TRUE(all) << all.error().message;
    ASSERT_GE(all->hits.size(), 2u);
    Ranking second_page;
    second_page.limit = 1;
    second_page.offset = 1;
    auto page = searcher_->similar("2409.00001", second_page);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->hits.size(), 1u);
    EXPECT_EQ(page->hits.front().rank, 2u);
    EXPECT_EQ(page->hits.front().paper.arxiv_id, all->hits[1].paper.arxiv_id);
}

TEST_F(SimilarTest, UnknownIdIsNotFound) {
    auto results = searcher_->similar("0000.00000");
    ASSERT_FALSE(results);
    EXPECT_EQ(results.error().kind, ErrorKind::NotFound);
}

}  // namespace
}  // namespace papers::test
