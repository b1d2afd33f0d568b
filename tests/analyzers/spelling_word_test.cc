// Term::word (the word before stemming) and which words go into the
// spelling table.
#include "analyzers/spelling_word.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace papers {
namespace {

TEST(SpellingWord, WordIsTheNormalisedWordBeforeStemming) {
    const Analyzer analyzer;
    const std::vector<Term> terms = analyzer.analyze("Diffusion 모델을 GPT-4o José");
    std::vector<std::string> words, texts;
    for (const Term& term : terms) {
        words.push_back(term.word);
        texts.push_back(term.text);
    }
    EXPECT_EQ(words,
              (std::vector<std::string>{"diffusion", "모델", "gpt-4o", "gpt", "4o", "jose"}));
    EXPECT_EQ(texts, (std::vector<std::string>{"diffus", "모델", "gpt-4o", "gpt", "4o", "jose"}));
}

TEST(SpellingWord, OnlyWordsAUserTypesAndMightMisspell) {
    struct Case {
        const char* text;
        bool expected;
    };
    const Case cases[] = {
        {"diffusion", true}, {"모델을", true},  {"강화학습", true}, {"πref", true},
        {"of", false},       {"수", false},     {"4o", false},      {"llama3", false},
        {"ab", false},       {"GPT-4o", false}, {"中", false},
    };
    const Analyzer analyzer;
    for (const Case& c : cases) {
        const std::vector<Term> terms = analyzer.analyze(c.text);
        ASSERT_FALSE(terms.empty()) << c.text;
        EXPECT_EQ(is_spelling_word(terms.front()), c.expected) << c.text;
    }
}

}  // namespace
}  // namespace papers
