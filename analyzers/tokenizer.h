// Tokenizer: text -> surface tokens with exact byte offsets.
//
// Words are runs of letters and digits by their Unicode properties (ICU's
// character data), split into script runs ("LLM들은" -> "LLM" + "들은",
// "4000단어" -> "4000" + "단어"), one token per Han/Kana character. Letters
// and digits joined by a single connector (- _ . / ') with no space form a
// compound ("GPT-4o", "LLM-as-a-Judge", "Claude-3.5-Sonnet"): its parts are
// tokens whose `joined` flag says "glued to the previous token". A dot or
// comma between digits is part of a number ("3.5", "52.24"), not a
// connector; a trailing dot is never a connector, and a possessive "'s" is
// dropped ("Bloom's" -> "Bloom").
//
// ICU's word BreakIterator (UAX #29) found the words until 2026-12. On the
// digests it gave the same tokens, but for superscripts ("km²": now dropped
// by their Word_Break=Other, as it did), at three times the cost, and it
// loaded its CJK dictionary engine on the first Hangul text of a process (a
// fifth of a `papers search`). tests/analyzers/tokenizer_test.cc checks that
// the tokens still lie within ICU's words.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace papers {

enum class Script : uint8_t {
    Alnum,      // Latin, Greek, Cyrillic... letters and digits
    Hangul,     // Korean syllables and jamo
    Ideograph,  // one Han or Kana character
};

struct Token {
    uint32_t start;  // byte offsets into the tokenized text
    uint32_t end;
    Script script;
    bool joined;  // follows the previous token through one connector: same compound
};

// Keeps per-call state: one Tokenizer per thread.
class Tokenizer {
  public:
    Tokenizer();
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    // Replaces `out` with the tokens of `text` (valid UTF-8), in order.
    void tokenize(std::string_view text, std::vector<Token>& out);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// True for the characters that glue the parts of a compound.
bool is_connector(char32_t c);

}  // namespace papers
