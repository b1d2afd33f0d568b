// Turns analysed query text into Xapian queries. The terms come from the
// same Analyzer that indexed the documents; this file decides how they
// combine:
//   - English words: one term each;
//   - a mixed token (GPT-4o): the whole term OR the phrase of its parts;
//   - a run of Korean words: every way of spacing it that the index knows,
//     so "강화학습" finds "강화 학습" and "보상 모델" finds "보상모델이".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzers/analyzer.h"

namespace papers {

class TextQueryBuilder {
public:
    TextQueryBuilder(const Analyzer& analyzer, const Xapian::Database& db);

    // Bare words: every word must match (`op` = OP_AND) or any (OP_OR).
    // Terms get `prefix` ("" for free text). Returns an empty query if the
    // text has no terms (punctuation only).
    Xapian::Query words(std::string_view text, std::string_view prefix, Xapian::Query::op op) const;

    // A quoted phrase: the words in order.
    Xapian::Query phrase(std::string_view text, std::string_view prefix) const;

private:
    struct Unit;
    std::vector<Unit> units(std::string_view text, std::string_view prefix) const;
    Xapian::Query korean_run(const std::vector<std::string>& stems, std::string_view prefix) const;
    std::optional<Xapian::Query> korean_word(const std::string& stem, std::string_view prefix) const;
    bool known(const std::string& term) const;

    const Analyzer& analyzer_;
    const Xapian::Database& db_;
};

}  // namespace papers
