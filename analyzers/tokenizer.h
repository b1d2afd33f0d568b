// Tokenizer: text -> surface tokens with exact byte offsets.
//
// ICU's word break rules (UAX #29) find the words; each word is then split
// into script runs ("LLM들은" -> "LLM" + "들은", "4000단어" -> "4000" + "단어"),
// one token per Han/Kana character. Letters and digits joined by a single
// connector (- _ . / ') with no space form a compound ("GPT-4o",
// "LLM-as-a-Judge", "Claude-3.5-Sonnet"): its parts are tokens whose `joined`
// flag says "glued to the previous token". A dot or comma between digits is
// part of a number ("3.5", "52.24"), not a connector; a trailing dot is never
// a connector, and a possessive "'s" is dropped ("Bloom's" -> "Bloom").
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

// Holds an ICU BreakIterator, created once: one Tokenizer per thread.
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
