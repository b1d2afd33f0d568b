// Turns analysed query text into Xapian queries. The terms come from the
// same Analyzer that indexed the documents; this file decides how they
// combine:
//   - English words: one term each;
//   - a mixed token (GPT-4o): the whole term OR the phrase of its parts;
//   - a run of Korean words: a compound written with or without spaces, so
//     "강화학습" and "강화 학습" find the same papers, and "보상 모델" finds
//     "보상모델이". The spellings tried are those the index vocabulary knows.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

namespace papers {

// How strictly bare words must match; the searcher relaxes step by step
// when a stricter reading matches nothing.
enum class Strictness {
    Compounds,  // every word; adjacent Korean words form one compound
    AllWords,   // every word, Korean ones anywhere in the paper
    AnyWord,    // any word, best first
};

class TextQueryBuilder {
  public:
    TextQueryBuilder(const Analyzer& analyzer, const Xapian::Database& db, Strictness strictness);

    // Bare words. Terms get `prefix` ("" for free text). Returns an empty
    // query if the text has no terms (punctuation only).
    Xapian::Query words(std::string_view text, std::string_view prefix) const;

    // A quoted phrase: the words in order.
    Xapian::Query phrase(std::string_view text, std::string_view prefix) const;

    Xapian::Query::op default_op() const {
        return strictness_ == Strictness::AnyWord ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
    }

  private:
    struct Unit;
    std::vector<Unit> units(std::string_view text, std::string_view prefix) const;
    Xapian::Query korean_compound(const std::vector<std::string>& stems,
                                  std::string_view prefix) const;
    bool known(const std::string& term) const;

    const Analyzer& analyzer_;
    const Xapian::Database& db_;
    Strictness strictness_;
};

}  // namespace papers
