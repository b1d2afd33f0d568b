#include "analyzers/tokenizer.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "analyzers/utf8.h"
#include "tests/test_paths.h"

namespace papers {
namespace {

// Tokens as "surface" with a script letter (A, H, I) and '+' when joined.
std::string render(std::string_view text, const std::vector<Token>& tokens) {
    std::string out;
    for (const Token& t : tokens) {
        if (!out.empty()) out += ' ';
        if (t.joined) out += '+';
        out += text.substr(t.start, t.end - t.start);
        out += t.script == Script::Alnum ? "/A" : t.script == Script::Hangul ? "/H" : "/I";
    }
    return out;
}

TEST(TokenizerTest, Tokens) {
    struct Case {
        const char* input;
        const char* expected;
    };
    const Case cases[] = {
        {"", ""},
        {"hello, world!", "hello/A world/A"},
        {"LLM들은", "LLM/A 들은/H"},
        {"GPT-4o를", "GPT/A +4o/A 를/H"},
        {"Claude-3.5-Sonnet.", "Claude/A +3.5/A +Sonnet/A"},
        {"52.24%", "52.24/A"},
        {"v1.5B", "v1.5B/A"},
        {"e.g.", "e/A +g/A"},
        {"a -b", "a/A b/A"},
        {"a--b", "a/A b/A"},
        {"a\u2010b", "a/A +b/A"},
        {"Bloom's", "Bloom/A"},
        {"don't", "don/A +t/A"},
        {"title:diffusion", "title/A diffusion/A"},
        {"漢字かな", "漢/I 字/I か/I な/I"},
        {"한국어LLM", "한국어/H LLM/A"},
        {"쿼리-패시지", "쿼리/H +패시지/H"},
        {"naïve", "naïve/A"},  // the combining diaeresis stays inside the word
        {"C++ and #tag", "C/A and/A tag/A"},
        {"25km² 영역", "25km/A 영역/H"},  // superscripts are not word characters
        {"①단계", "단계/H"},
        {"zero\u200bwidth", "zero/A width/A"},       // a zero width space separates
        {"soft\u00adhyphen", "soft\u00adhyphen/A"},  // a soft hyphen does not
    };
    Tokenizer tokenizer;
    std::vector<Token> tokens;
    for (const Case& c : cases) {
        tokenizer.tokenize(c.input, tokens);
        EXPECT_EQ(render(c.input, tokens), c.expected) << "input: " << c.input;
    }
}

TEST(TokenizerTest, OffsetsAreBytesOfTheInput) {
    const std::string text = "한 GPT-4o";
    Tokenizer tokenizer;
    std::vector<Token> tokens;
    tokenizer.tokenize(text, tokens);
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[0].start, 0u);
    EXPECT_EQ(tokens[0].end, 3u);
    EXPECT_EQ(tokens[1].start, 4u);
    EXPECT_EQ(tokens[2].start, 8u);
    EXPECT_EQ(tokens[2].end, text.size());
}

TEST(TokenizerTest, Connectors) {
    for (char32_t c : {U'-', U'_', U'.', U'/', U'\'', U'\u2019', U'\u2010'}) {
        EXPECT_TRUE(is_connector(c)) << static_cast<uint32_t>(c);
    }
    for (char32_t c : {U' ', U',', U':', U'+', U'\u2013'}) {
        EXPECT_FALSE(is_connector(c)) << static_cast<uint32_t>(c);
    }
}

// ICU's word segments of `text` (UAX #29) that hold a word, as byte ranges.
std::vector<std::pair<int32_t, int32_t>> icu_words(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
    words->setText(&utext, status);
    EXPECT_TRUE(U_SUCCESS(status));
    std::vector<std::pair<int32_t, int32_t>> out;
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next())
        if (words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) out.emplace_back(start, end);
    utext_close(&utext);
    return out;
}

bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() &&
           text.compare(text.size() - end.size(), end.size(), end) == 0;
}

bool has_letter_or_digit(std::string_view text) {
    for (int32_t i = 0; i < static_cast<int32_t>(text.size());) {
        UChar32 c;
        U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
        if (c >= 0 && u_isalnum(c)) return true;
    }
    return false;
}

// The tokenizer finds words by character class, as ICU's word breaker did
// for it until 2026-12 (tokenizer.h): on every line of `file`, each token
// lies within one of ICU's words, and each ICU word with a letter or digit
// has a token.
void expect_icu_word_boundaries(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    ASSERT_TRUE(in) << file;
    Tokenizer tokenizer;
    std::vector<Token> tokens;
    size_t line_number = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_number;
        line = sanitize_utf8(line);
        tokenizer.tokenize(line, tokens);
        const auto words = icu_words(line);
        size_t w = 0;
        std::vector<bool> covered(words.size(), false);
        for (const Token& token : tokens) {
            while (w < words.size() && words[w].second <= static_cast<int32_t>(token.start)) ++w;
            const bool inside = w < words.size() &&
                                words[w].first <= static_cast<int32_t>(token.start) &&
                                static_cast<int32_t>(token.end) <= words[w].second;
            EXPECT_TRUE(inside) << file.string() << ":" << line_number << ": token "
                                << line.substr(token.start, token.end - token.start)
                                << " crosses one of ICU's word boundaries";
            if (inside) covered[w] = true;
        }
        for (size_t i = 0; i < words.size(); ++i) {
            const std::string word = line.substr(words[i].first, words[i].second - words[i].first);
            // A possessive 's is dropped (Llama-3's: ICU's words 3 and s).
            const std::string before = line.substr(0, words[i].first);
            const bool possessive = (word == "s" || word == "S") &&
                                    (ends_with(before, "'") || ends_with(before, "\u2019"));
            EXPECT_TRUE(covered[i] || possessive || !has_letter_or_digit(word))
                << file.string() << ":" << line_number << ": ICU's word " << word
                << " has no token";
        }
    }
}

TEST(TokenizerTest, WordsAsIcuFindsThemInTheShippedDigest) {
    expect_icu_word_boundaries(test::source_dir() / "corpus" / "2024-09-25.md");
}

TEST(TokenizerTest, WordsAsIcuFindsThemInTheSharedDigests) {
    PAPERS_REQUIRE_SHARED();
    size_t files = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(test::shared_corpus_dir())) {
        if (entry.path().extension() != ".md") continue;
        expect_icu_word_boundaries(entry.path());
        ++files;
    }
    EXPECT_GT(files, 100u);
}

}  // namespace
}  // namespace papers
