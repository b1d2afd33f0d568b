// English function words in a query (query/text_query.cc): beside other
// words they need not match, and rank through the phrase; a query of
// function words only still needs them.
#include <gtest/gtest.h>

#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

const char* kAgentsDay = R"(## Daily Papers (2024-10-01)

### [Agents for Software Engineering](https://arxiv.org/abs/2410.00001)

Vote: 1

Authors: Ann Lee

- **What's New**: 소프트웨어 개발을 돕는 agents for software engineering 을 제안합니다.

### [Software Engineering Agents at Scale](https://arxiv.org/abs/2410.00002)

Vote: 90

Authors: Bob Kim

- **What's New**: 대규모 software engineering agents 를 평가합니다.

### [Agents Without Software](https://arxiv.org/abs/2410.00003)

Vote: 1

Authors: Cy Park

- **What's New**: 이 논문은 agents 를 위한 방법을 제안합니다.

### [The Other Paper](https://arxiv.org/abs/2410.00004)

Vote: 1

Authors: Di Choi

- **What's New**: the first study of this.
)";

class FunctionWordsTest : public DaysFixture {
  protected:
    void SetUp() override {
        DaysFixture::SetUp();
        index_days({{"2024/10/01.md", kAgentsDay}});
    }

    std::vector<std::string> ranked(const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.fill_with_partial = false;
        auto results = searcher_->search(request);
        EXPECT_TRUE(results) << query;
        std::vector<std::string> out;
        if (results && !results->relaxed)
            for (const auto& hit : results->hits) out.push_back(hit.paper.arxiv_id);
        return out;
    }
};

using Ids = std::vector<std::string>;

TEST_F(FunctionWordsTest, NeedNotMatchBesideOtherWords) {
    // 2410.00002 never writes "for", and has every other word.
    EXPECT_EQ(ids("agents for software engineering"), (Ids{"2410.00001", "2410.00002"}));
    EXPECT_EQ(ids("the software engineering agents"), (Ids{"2410.00001", "2410.00002"}));
}

TEST_F(FunctionWordsTest, TheTypedPhraseStillRanksFirst) {
    // 2410.00001 writes the query as typed; 2410.00002 has 90 votes.
    const auto hits = ranked("agents for software engineering");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits.front(), "2410.00001");
}

TEST_F(FunctionWordsTest, AQueryOfFunctionWordsOnlyNeedsThem) {
    EXPECT_EQ(ids("the"), (Ids{"2410.00004"}));
    EXPECT_EQ(ids("of the"), (Ids{"2410.00004"}));
}

TEST_F(FunctionWordsTest, AQuotedPhraseKeepsThem) {
    EXPECT_EQ(ids("\"agents for software\""), (Ids{"2410.00001"}));
}

}  // namespace
}  // namespace papers::test
