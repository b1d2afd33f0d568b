// A small index built from digests written by the test itself, for the
// indexer and query tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "indexer/index_writer.h"
#include "query/searcher.h"

namespace papers::test {

inline const char* kDayOne = R"(## Daily Papers (2024-09-25)

### [Reward Models for Diffusion: Aligning Text-to-Image Generation](https://arxiv.org/abs/2409.00001)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2409.00001.png)

Vote: 30

Authors: Ge Zhang, José Pombal, Alice Martin

- **What's New**: 이 논문은 확산 모델(diffusion model)을 위한 보상 모델을 제안합니다.
- **Technical Details**: 강화 학습(Reinforcement Learning, RL)으로 GPT-4o 평가를 사용했습니다.
- **Performance Highlights**: 인간 선호도와 높은 상관관계를 보였습니다.

### [Scaling Laws for Language Models](https://arxiv.org/abs/2409.00002)

Vote: 5

Authors: Zhang Ge Wei, Bob Stone

- **What's New**: 대규모 언어 모델의 스케일링 법칙을 분석했습니다.
- **Technical Details**: 강화학습 없이 사전 학습만으로 성능을 측정했습니다.
- **Performance Highlights**: 보상모델이 필요 없음을 보였습니다.

### [Video Synthesis with Motion Priors](https://arxiv.org/abs/2409.00003)

Vote: 12

Authors: Carol White

- **What's New**: 비디오 합성(video synthesis)을 위한 새로운 방법을 제안했습니다.
- **Technical Details**: 확산 디코더(diffusion decoder)를 사용합니다.
- **Performance Highlights**: 기존 방법보다 우수합니다.
)";

inline const char* kDayTwo = R"(## Daily Papers (2024-09-26)

### [Reward Models for Diffusion: Aligning Text-to-Image Generation](https://arxiv.org/abs/2409.00001)

Vote: 42

Authors: Ge Zhang, José Pombal, Alice Martin

- **What's New**: 두 번째 날의 요약입니다.

### [LLM-as-a-Judge for Code](https://arxiv.org/abs/2409.00004)

Vote: 8

Authors: Dan Black, Ge Zhang

- **What's New**: 코드 평가를 위한 LLM-as-a-Judge 방법을 제안합니다.
)";

// A temporary directory holding digests and an index, removed afterwards.
class IndexFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/papers-test-XXXXXX";
        root_ = mkdtemp(pattern);
        std::filesystem::create_directories(corpus() + "/2024/09");
        write("2024/09/25.md", kDayOne);
        write("2024/09/26.md", kDayTwo);
    }
    void TearDown() override { std::filesystem::remove_all(root_); }

    std::string corpus() const { return root_ + "/corpus"; }
    std::string db() const { return root_ + "/index"; }

    void write(const std::string& relative, const std::string& content) {
        std::ofstream(corpus() + "/" + relative, std::ios::binary) << content;
    }

    IndexReport index(bool force = false) {
        IndexRequest request;
        request.db_path = db();
        request.inputs = {corpus()};
        request.force = force;
        auto report = index_paths(request);
        EXPECT_TRUE(report) << (report ? "" : report.error().message);
        return report ? *report : IndexReport{};
    }

    std::unique_ptr<Searcher> open() {
        auto searcher = Searcher::open(db());
        EXPECT_TRUE(searcher) << (searcher ? "" : searcher.error().message);
        return searcher ? std::move(*searcher) : nullptr;
    }

    std::string root_;
};

// The fixture's two days indexed, and a Searcher open on them.
class SearchFixture : public IndexFixture {
  protected:
    void SetUp() override {
        IndexFixture::SetUp();
        index();
        searcher_ = open();
        ASSERT_NE(searcher_, nullptr);
    }

    std::unique_ptr<Searcher> searcher_;
};

// Days of the test's own (path under the corpus -> digest) indexed with the
// fixture's, a Searcher open on them, and the papers a query finds.
class DaysFixture : public IndexFixture {
  protected:
    void index_days(const std::vector<std::pair<std::string, std::string>>& days) {
        for (const auto& [relative, digest] : days) {
            std::filesystem::create_directories(
                std::filesystem::path(corpus() + "/" + relative).parent_path());
            write(relative, digest);
        }
        index();
        searcher_ = open();
        ASSERT_NE(searcher_, nullptr);
    }

    // The papers with every word (synonyms included), sorted.
    std::vector<std::string> ids(const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.limit = 50;
        request.fill_with_partial = false;
        auto results = searcher_->search(request);
        EXPECT_TRUE(results) << query;
        std::vector<std::string> out;
        if (results)
            for (const auto& hit : results->hits)
                if (!hit.partial && !results->relaxed) out.push_back(hit.paper.arxiv_id);
        std::sort(out.begin(), out.end());
        return out;
    }

    std::unique_ptr<Searcher> searcher_;
    Analyzer analyzer_;
};

}  // namespace papers::test
