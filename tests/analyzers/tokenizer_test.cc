#include "analyzers/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

}  // namespace
}  // namespace papers
