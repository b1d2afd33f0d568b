// Korean writes a compound noun with or without spaces: 강화학습 and 강화 학습
// are one word to a reader. Two Korean stems side by side, with only spaces
// between and no particle or ending on the first (the Analyzer leaves a
// position gap after one), are therefore also indexed as the joined stem, at
// the first stem's position: a two-part compound is then one term in either
// spelling, and a longer one a phrase of such pairs, instead of a phrase of
// common words to check in every paper that has both (issue 5: those checks
// were most of a Korean query's time at 100k papers).
//
// Indexing (indexer/document_builder), snippets (query/snippet) and queries
// (query/text_query) all find the pairs by this one rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"

namespace papers {

// Nothing but spaces or tabs in text[from, to).
bool only_spaces_between(std::string_view text, uint32_t from, uint32_t to);

// Whether `second` follows `first` in `text` as the second stem of a pair.
bool is_korean_pair(std::string_view text, const Term& first, const Term& second);

// The pairs of a text, fed its terms in the order the Analyzer gives them.
class KoreanPairs {
  public:
    explicit KoreanPairs(std::string_view text) : text_(text) {}

    // The joined stem when `term` ends a pair with the term before it.
    std::optional<std::string> next(const Term& term);

  private:
    std::string_view text_;
    // Of the term before: only what a pair needs (no copy of its word).
    bool previous_hangul_ = false;
    uint32_t previous_position_ = 0;
    uint32_t previous_end_ = 0;
    std::string previous_stem_;
};

}  // namespace papers
