// Two words side by side are also indexed as one pair term, at the first
// word's position, so that a two-word phrase is one term to look up and a
// longer one a phrase of pairs, instead of a phrase of common words whose
// positions must be read in every paper that has them all (issue 5: those
// checks were most of a phrase's or a Korean compound's time at 100k
// papers).
//
//   Korean stems join as one word: 강화 학습 -> 강화학습, which is also the
//   compound written without the space, so either spelling is one term.
//   English words (and numbers) join with a space: reward model ->
//   "reward model", which no single term can be.
//
// Words pair when they are of one of those scripts, at consecutive
// positions (a Korean word that lost a particle leaves a gap), and apart by
// nothing but spaces, or, for English, one joiner of a mixed token (the -
// of gpt-4o). Pairs are indexed unprefixed only, in every free-text field.
//
// Indexing (indexer/document_builder), snippets (query/snippet) and queries
// (query/text_query) all pair words by this one rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/analyzer.h"

namespace papers {

// The pair term of two terms (unprefixed), or nothing when their scripts
// do not pair.
std::optional<std::string> pair_term(std::string_view first, std::string_view second);

// Whether `term` (unprefixed) is an English pair: only they hold a space;
// a Korean pair is its stems joined.
inline bool is_english_pair_term(std::string_view term) {
    return term.find(' ') != std::string_view::npos;
}

// Nothing but spaces or tabs in text[from, to).
bool only_spaces_between(std::string_view text, uint32_t from, uint32_t to);

// Whether Korean `second` follows Korean `first` in `text` as a pair: how a
// query's run of Korean words is one compound.
bool is_korean_pair(std::string_view text, const Term& first, const Term& second);

// The pairs of a text, fed its terms in the order the Analyzer gives them.
class WordPairs {
  public:
    explicit WordPairs(std::string_view text) : text_(text) {}

    // The pair term when `term` ends a pair with the word before it.
    std::optional<std::string> next(const Term& term);

  private:
    std::string_view text_;
    // Of the word before (a mixed token's whole term is passed over: its
    // parts follow): only what a pair needs.
    bool have_previous_ = false;
    uint32_t previous_position_ = 0;
    uint32_t previous_end_ = 0;
    std::string previous_text_;
};

}  // namespace papers
