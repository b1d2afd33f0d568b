// Queries as a hostile user (or a careless paste) writes them: nesting
// thousands deep, thousands of words, invalid UTF-8. Each must end in a
// result or a syntax error, quickly, never a crash.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "query/searcher.h"
#include "query/text_query.h"
#include "tests/query/index_fixture.h"

namespace papers::test {
namespace {

class HostileQueryTest : public SearchFixture {
  protected:
    Result<SearchResults> search(const std::string& query) {
        SearchRequest request;
        request.query = query;
        return searcher_->search(request);
    }

    // Seconds one search of `query` takes (it must not fail).
    double seconds(const std::string& query) {
        const auto start = std::chrono::steady_clock::now();
        const auto results = search(query);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        EXPECT_TRUE(results) << results.error().message;
        return took.count();
    }
};

// Well under a second; AddressSanitizer makes everything about 3x slower.
#ifdef __SANITIZE_ADDRESS__
constexpr double kFast = 3.0;
#else
constexpr double kFast = 1.0;
#endif

std::string repeated(const std::string& text, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += text;
    return out;
}

// 8,000 levels overflowed the stack (parse_and -> parse_group -> parse_primary).
TEST_F(HostileQueryTest, DeepNestingIsASyntaxErrorNotACrash) {
    for (const std::string open : {"(", "title:(", "-(", "a OR (", "NOT ("}) {
        const std::string query = repeated(open, 8000) + "diffusion" + repeated(")", 8000);
        const auto results = search(query);
        ASSERT_FALSE(results) << open;
        EXPECT_EQ(results.error().kind, ErrorKind::BadQuery) << open;
        EXPECT_NE(results.error().message.find("nest more than"), std::string::npos)
            << results.error().message;
    }
    const auto unclosed = search(repeated("(", 8000));
    ASSERT_FALSE(unclosed);
    EXPECT_EQ(unclosed.error().kind, ErrorKind::BadQuery);
}

TEST_F(HostileQueryTest, NestingWithinTheLimitStillWorks) {
    const auto results = search(repeated("(", 50) + "diffusion" + repeated(")", 50));
    ASSERT_TRUE(results) << results.error().message;
    EXPECT_GT(results->total, 0u);
}

// 1,500 copies of one Korean word took 29 s (compound splits and glossary
// keys over the whole run); 10,000 words must answer well under a second.
TEST_F(HostileQueryTest, TenThousandWordsAnswerFast) {
    const char* words[] = {"확산 ", "diffusion ", "보상 모델 ", "강화학습 ", "GPT-4o "};
    for (const char* word : words) {
        const std::string query = repeated(word, 10000);
        EXPECT_LT(seconds(query), kFast) << word;
        const auto results = search(query);
        ASSERT_TRUE(results);
        EXPECT_GT(results->words_left_out, 0u) << word;
    }
    std::string mixed;
    for (size_t i = 0; i < 10000; ++i) mixed += "word" + std::to_string(i) + " 단어" + " ";
    EXPECT_LT(seconds(mixed), kFast);
    // One "word" of 20,000 syllables, and a long phrase.
    EXPECT_LT(seconds(repeated("확산", 20000)), kFast);
    EXPECT_LT(seconds("\"" + repeated("확산 모델 ", 5000) + "\""), kFast);
}

TEST_F(HostileQueryTest, AShortQueryLeavesNoWordOut) {
    const auto results = search("diffusion 보상 모델 title:(reward OR video)");
    ASSERT_TRUE(results) << results.error().message;
    EXPECT_EQ(results->words_left_out, 0u);
    const auto at_limit = search(repeated("diffusion ", kMaxQueryWords));
    ASSERT_TRUE(at_limit);
    EXPECT_EQ(at_limit->words_left_out, 0u);
    EXPECT_GT(at_limit->total, 0u);
}

TEST_F(HostileQueryTest, InvalidUtf8IsSearchedNotTrusted) {
    for (const std::string& query :
         {std::string("diffusion \xff\xfe"), std::string("\xed\xa0\x80"), std::string("\xc3"),
          std::string("title:\"\xe2\x82\" x"), std::string("author:\xf4\x90\x80\x80")}) {
        const auto results = search(query);
        if (!results) {
            EXPECT_EQ(results.error().kind, ErrorKind::BadQuery);
        }
    }
    EXPECT_TRUE(searcher_->author("Ge \xff Zhang"));
    const auto glossary = searcher_->glossary("\xe2\x82", 10);  // U+FFFD: no words
    EXPECT_TRUE(glossary || glossary.error().kind == ErrorKind::BadQuery);
}

}  // namespace
}  // namespace papers::test
