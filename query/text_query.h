// Turns analysed query text into Xapian queries. The terms come from the
// same Analyzer that indexed the documents; this file decides how they
// combine:
//   - English words: one term each;
//   - a mixed token (GPT-4o): the whole term OR the phrase of its parts;
//   - a run of Korean words: a compound written with or without spaces, so
//     "강화학습" and "강화 학습" find the same papers, and "보상 모델" finds
//     "보상모델이". The spellings tried are those the index vocabulary knows;
//   - words the glossary knows (analyzers/glossary.h, stored as Xapian
//     synonyms): the words as typed OR, at kSynonymWeight, the other
//     language's reading, so "diffusion model" also finds "확산 모델" and
//     "강화학습" also finds "reinforcement learning". Quoted phrases are not
//     expanded.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

namespace papers {

// Where a term of a built query came from, for explaining a search.
enum class TermOrigin {
    Typed,           // a word of the query as analysed
    KoreanVariant,   // another spelling of a Korean compound (joined or split)
    EnglishVariant,  // another spelling of English words (fine-tuning, finetuning)
    Synonym,         // the other language's reading of a glossary term
    WordPair,        // English words of the query side by side, as one term
    Related,         // a word of the best papers, ranking the others (query/feedback.h)
};

struct QueryTermOrigin {
    std::string term;  // with its field prefix
    TermOrigin origin;
};

// The most words one query searches: a query pasted from a whole page must
// answer as fast as a short one. Words beyond are left out, and the builder
// counts them (words_left_out()) so the output can say so.
inline constexpr size_t kMaxQueryWords = 100;

// A synonym reading counts this much of the words as typed, so papers in the
// query's own language rank first.
inline constexpr double kSynonymWeight = 0.5;
// A loanword reading (analyzers/loanwords.h) counts less: it is learned by
// sound and co-occurrence, not written as a pair, and the concept it adds is
// often the typed word's own (agent / 에이전트). Tuned on topic-tune: 0.1 /
// 0.2 / 0.35 / 0.5 / 0.7 gave nDCG@10 0.725 / 0.726 / 0.725 / 0.723 / 0.720;
// cross-lingual nDCG@10 0.858-0.859 throughout.
inline constexpr double kLoanwordWeight = 0.2;

// How strictly bare words must match; the searcher relaxes step by step
// when a stricter reading matches nothing.
enum class Strictness {
    Compounds,  // every word; two Korean words side by side are one compound
    AllWords,   // every word, Korean ones each on its own (or joined with a neighbour)
    AnyWord,    // any word, best first
    AnyPart,    // any word, or any word of a hyphenated term: when nothing else matched
};

class TextQueryBuilder {
  public:
    // `synonyms` false: glossary terms are searched as typed only.
    TextQueryBuilder(const Analyzer& analyzer, const Xapian::Database& db, Strictness strictness,
                     bool synonyms = true);

    // Bare words. Terms get `prefix` ("" for free text). Returns an empty
    // query if the text has no terms (punctuation only).
    Xapian::Query words(std::string_view text, std::string_view prefix) const;

    // A quoted phrase: the words in order.
    Xapian::Query phrase(std::string_view text, std::string_view prefix) const;

    // The terms of the queries built so far by words(), each with its origin.
    const std::vector<QueryTermOrigin>& origins() const { return origins_; }

    // Words of the text given so far that were not searched (kMaxQueryWords).
    size_t words_left_out() const { return words_left_out_; }

    bool any_word() const {
        return strictness_ == Strictness::AnyWord || strictness_ == Strictness::AnyPart;
    }
    Xapian::Query::op default_op() const {
        return any_word() ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
    }

  private:
    struct Unit;
    void keep_allowed_words(std::vector<Term>& terms) const;
    std::vector<Unit> units(std::string_view text, std::string_view prefix) const;
    Unit korean_unit(const std::vector<std::string>& typed, std::string_view prefix,
                     bool whole = false) const;
    std::vector<std::vector<std::string>> splits(const std::string& joined, size_t max_results,
                                                 std::string_view prefix) const;
    std::vector<std::string> known_parts(const std::vector<std::string>& typed) const;
    bool is_compound(const std::string& word) const;
    Unit two_words(const std::vector<std::string>& stems, const std::string& whole,
                   const std::optional<std::string>& joined, std::string_view prefix) const;
    void join_english_neighbours(std::string_view text, std::vector<Unit>& units,
                                 std::string_view prefix) const;
    std::vector<Unit> with_glossary(std::vector<Unit> units, std::string_view prefix) const;
    size_t glossary_key_at(const std::vector<Unit>& units, size_t first, size_t end,
                           std::vector<std::string>& readings) const;
    size_t english_match(const std::vector<Unit>& units, size_t first,
                         std::vector<std::string>& readings, double& weight) const;
    void split_korean(Unit unit, std::string_view prefix, std::vector<Unit>& out) const;
    std::vector<std::string> loanword_readings(const std::string& stem) const;
    std::vector<std::string> loanword_readings(const std::vector<std::string>& stems) const;
    std::vector<std::string> loanword_pair_readings(const std::vector<std::string>& stems) const;
    Xapian::Query other_language(const std::vector<std::string>& readings, std::string_view prefix,
                                 double weight) const;
    Xapian::Query english_phrases(const std::vector<Unit>& typed) const;
    void note_origins(const Xapian::Query& query, const std::vector<Unit>& units) const;
    Xapian::Query korean_compound(const std::vector<std::string>& stems, std::string_view prefix,
                                  Xapian::Query::op spellings_op = Xapian::Query::OP_SYNONYM) const;
    // One spelling of a compound as the index holds it (analyzers/word_pairs.h):
    // one part as its term, two as their pair (which is also the two written
    // together), more as the phrase of their pairs.
    Xapian::Query korean_spelling(const std::vector<std::string>& parts,
                                  std::string_view prefix) const;
    bool known(const std::string& term) const;

    const Analyzer& analyzer_;
    const Xapian::Database& db_;
    Strictness strictness_;
    bool synonyms_;
    mutable std::vector<QueryTermOrigin> origins_;
    mutable size_t words_used_ = 0;
    mutable size_t words_left_out_ = 0;
};

}  // namespace papers
