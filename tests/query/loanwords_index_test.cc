// Loanwords learned from the papers (indexer/loanword_learner.h) and read by
// the query (query/text_query_loanwords.cc): English finds the papers that
// write only the Hangul transliteration, and the reverse.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "indexer/loanword_learner.h"
#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

// 00001 and 00002 write 토크나이저 beside "tokenizer", 00003 only the
// Korean, 00004 only the English; the same for 포인트 클라우드 / point cloud. 데이터
// sounds like "date", which one of its three papers writes. With 모델 from
// the fixture's own days, four words are learned alone and fill their list,
// and 포인트피처 comes after 포인트클라우드: a pair appended to that list while
// its words are read would move them (ASan reports it).
const char* kLoanwordDay = R"(## Daily Papers (2024-10-01)

### [Byte Tokenizer](https://arxiv.org/abs/2410.00001)

Vote: 1

Authors: Ann Lee

- **What's New**: 새로운 토크나이저를 제안합니다. The tokenizer is learned. 데이터를 씁니다.

### [Tokenizer Free](https://arxiv.org/abs/2410.00002)

Vote: 1

Authors: Bob Kim

- **What's New**: 토크나이저 없이 학습합니다. No tokenizer is needed.

### [Korean Only](https://arxiv.org/abs/2410.00003)

Vote: 1

Authors: Cy Park

- **What's New**: 이 논문은 토크나이저와 포인트 클라우드를 다룹니다.

### [English Only](https://arxiv.org/abs/2410.00004)

Vote: 1

Authors: Di Choi

- **What's New**: 새로운 tokenizer 방법과 point cloud 처리를 다룹니다.

### [Points One](https://arxiv.org/abs/2410.00005)

Vote: 1

Authors: Ed Song

- **What's New**: 포인트 클라우드(point cloud) 분할. 데이터 수집 date 기록. 포인트 피처 추출.

### [Points Two](https://arxiv.org/abs/2410.00006)

Vote: 1

Authors: Flo Han

- **What's New**: 대규모 포인트 클라우드 장면, 3D point cloud 생성. 데이터 규모.
)";

// Papers with none of the words: a pair is learned when its papers write
// both words more often than chance, which needs papers that do not.
std::string filler_day() {
    std::string day = "## Daily Papers (2024-10-02)\n";
    for (int i = 10; i < 18; ++i)
        day += "\n### [Other " + std::to_string(i) + "](https://arxiv.org/abs/2410.000" +
               std::to_string(i) + ")\n\nVote: 1\n\nAuthors: Gil Yoon\n\n" +
               "- **What's New**: 강화 학습으로 추론을 개선합니다.\n";
    return day;
}

class LoanwordsTest : public DaysFixture {
  protected:
    void SetUp() override {
        DaysFixture::SetUp();
        index_days({{"2024/10/01.md", kLoanwordDay}, {"2024/10/02.md", filler_day()}});
    }
};

using Ids = std::vector<std::string>;

TEST_F(LoanwordsTest, LearnsPairsThePapersConfirm) {
    Xapian::Database db(this->db());
    const auto loanwords = learned_loanwords(db, analyzer_);
    const auto english_of = [&](const std::string& korean) {
        for (const auto& loan : loanwords)
            if (loan.korean_stem == korean) return loan.english_stem;
        return std::string();
    };
    EXPECT_EQ(english_of("토크나이저"), "token");
    EXPECT_EQ(english_of("포인트"), "point");
    EXPECT_EQ(english_of("클라우드"), "cloud");
    EXPECT_EQ(english_of("포인트클라우드"), "point cloud");  // and as two words
    EXPECT_EQ(english_of("데이터"), "");                     // one paper of three writes "date"
}

TEST_F(LoanwordsTest, EnglishFindsTheTransliteration) {
    EXPECT_EQ(ids("tokenizer"), (Ids{"2410.00001", "2410.00002", "2410.00003", "2410.00004"}));
    EXPECT_EQ(ids("point cloud"), (Ids{"2410.00003", "2410.00004", "2410.00005", "2410.00006"}));
}

TEST_F(LoanwordsTest, AHyphenatedTermReadsAsItsSpacedForm) {
    EXPECT_EQ(ids("point-cloud"), (Ids{"2410.00003", "2410.00004", "2410.00005", "2410.00006"}));
}

TEST_F(LoanwordsTest, TheTransliterationFindsEnglish) {
    const Ids tokenizer{"2410.00001", "2410.00002", "2410.00003", "2410.00004"};
    EXPECT_EQ(ids("토크나이저"), tokenizer);
    EXPECT_EQ(ids("토커나이저"), tokenizer);  // a spelling no paper writes
    EXPECT_EQ(ids("포인트 클라우드"),
              (Ids{"2410.00003", "2410.00004", "2410.00005", "2410.00006"}));
}

// 00003 and 00004 write 분할(segmentation), so "segmentation" is a glossary
// key; 00004 writes 분할 토크나이저 as one term, 00005 the two words apart.
const char* kRunDay = R"(## Daily Papers (2024-10-01)

### [Tokenizer One](https://arxiv.org/abs/2410.00001)

Vote: 1

Authors: Ann Lee

- **What's New**: 새로운 토크나이저를 제안합니다. The tokenizer is learned.

### [Tokenizer Two](https://arxiv.org/abs/2410.00002)

Vote: 1

Authors: Bob Kim

- **What's New**: 토크나이저 없이 학습합니다. No tokenizer is needed.

### [Segmentation One](https://arxiv.org/abs/2410.00003)

Vote: 1

Authors: Cy Park

- **What's New**: 이미지 분할(segmentation) 방법을 제안합니다.

### [Segmentation Tokenizer](https://arxiv.org/abs/2410.00004)

Vote: 1

Authors: Di Choi

- **What's New**: 문장 분할(segmentation) 기준을 다루고, 분할 토크나이저를 씁니다.

### [Apart](https://arxiv.org/abs/2410.00005)

Vote: 1

Authors: Ed Song

- **What's New**: 영상 분할 작업과 무관한 토크나이저를 설명합니다.
)";

class LoanwordRunTest : public DaysFixture {
  protected:
    void SetUp() override {
        DaysFixture::SetUp();
        index_days({{"2024/10/01.md", kRunDay}, {"2024/10/02.md", filler_day()}});
    }
};

TEST_F(LoanwordRunTest, EnglishWordsReadAsOneKoreanTerm) {
    // One Korean term 분할토크나이저, not 분할 and 토크나이저 anywhere.
    EXPECT_EQ(ids("segmentation tokenizer"), (Ids{"2410.00004"}));
    EXPECT_EQ(ids("segmentation"), (Ids{"2410.00003", "2410.00004", "2410.00005"}));
}

}  // namespace
}  // namespace papers::test
