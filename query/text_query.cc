#include "query/text_query.h"

#include <algorithm>
#include <set>

#include "analyzers/schema.h"
#include "analyzers/word_pairs.h"
#include "query/english_spellings.h"
#include "query/text_query_parts.h"

namespace papers {
namespace {

// The most Korean words read as one compound: the glossary keys of a run of
// n words cost n^3 bytes. Longer runs are read as several compounds.
constexpr size_t kMaxCompoundWords = 6;

// English function words: a query beside other words need not match them
// ("LLM agents for software engineering" finds the papers that never write
// "for"); they still rank, alone and inside the query's phrase. Words that
// change the meaning (not, without, no, only) are not among them.
constexpr std::string_view kFunctionWords[] = {
    "a",    "an",    "the",   "of",   "for",     "in",      "on",    "at",
    "to",   "into",  "onto",  "with", "by",      "from",    "via",   "and",
    "or",   "as",    "is",    "are",  "be",      "its",     "their", "this",
    "that", "these", "those", "than", "through", "towards", "toward"};

bool is_function_word(std::string_view word) {
    return std::find(std::begin(kFunctionWords), std::end(kFunctionWords), word) !=
           std::end(kFunctionWords);
}

}  // namespace

TextQueryBuilder::TextQueryBuilder(const Analyzer& analyzer, const Xapian::Database& db,
                                   Strictness strictness, bool synonyms)
    : analyzer_(analyzer), db_(db), strictness_(strictness), synonyms_(synonyms) {}

bool TextQueryBuilder::known(const std::string& term) const {
    return db_.term_exists(term);
}

// Drops the words beyond kMaxQueryWords of the whole query; a compound's
// parts (which follow it, inside its byte range) go with it.
void TextQueryBuilder::keep_allowed_words(std::vector<Term>& terms) const {
    const Term* compound = nullptr;
    const auto is_part = [&](const Term& term) {
        if (term.kind == TermKind::Compound) {
            compound = &term;
            return false;
        }
        return compound && term.start >= compound->start && term.end <= compound->end;
    };
    size_t kept = 0;
    for (; kept < terms.size(); ++kept) {
        if (is_part(terms[kept])) continue;
        if (words_used_ == kMaxQueryWords) break;
        ++words_used_;
    }
    for (size_t i = kept; i < terms.size(); ++i) words_left_out_ += !is_part(terms[i]);
    terms.resize(kept);
}

std::vector<TextQueryBuilder::Unit> TextQueryBuilder::units(std::string_view text,
                                                            std::string_view prefix) const {
    std::vector<Term> terms = analyzer_.analyze(text);
    keep_allowed_words(terms);
    const std::string pre(prefix);
    std::vector<Unit> out;
    for (size_t i = 0; i < terms.size();) {
        const Term& term = terms[i];
        if (term.kind == TermKind::Compound) {
            // Its parts follow, inside its byte range.
            std::vector<std::string> parts;
            std::vector<std::string> stems;
            size_t j = i + 1;
            for (; j < terms.size() && terms[j].start >= term.start && terms[j].end <= term.end;
                 ++j) {
                if (terms[j].kind != TermKind::Compound) parts.push_back(pre + terms[j].text);
                if (terms[j].kind == TermKind::Word) stems.push_back(terms[j].text);
            }
            if (stems.size() == 2 && parts.size() == 2) {
                // fine-tuning: also finetuning, and the words of fine tuning.
                const auto joined = joined_term(analyzer_, terms[i + 1].word, terms[j - 1].word);
                out.push_back(two_words(stems, pre + term.text, joined, prefix));
                i = j;
                continue;
            }
            Unit unit;
            unit.phrase_terms = parts.empty() ? std::vector<std::string>{pre + term.text} : parts;
            unit.query = Xapian::Query(pre + term.text);
            if (!parts.empty())
                unit.query =
                    Xapian::Query(Xapian::Query::OP_OR, unit.query, phrase_of(unit.phrase_terms));
            out.push_back(std::move(unit));
            i = j;
        } else if (term.kind == TermKind::Hangul) {
            std::vector<std::string> stems;
            size_t j = i;
            do {
                stems.push_back(terms[j].text);
                ++j;
            } while (j < terms.size() && stems.size() < kMaxCompoundWords &&
                     is_korean_pair(text, terms[j - 1], terms[j]));
            out.push_back(korean_unit(stems, prefix));
            i = j;
        } else {
            const auto split = term.kind == TermKind::Word
                                   ? split_word(analyzer_, db_, term.word, term.text)
                                   : std::nullopt;
            Unit unit;
            if (split) {
                // finetuning: also fine-tuning and fine tuning side by side.
                unit =
                    two_words({split->first, split->second}, pre + term.text, std::nullopt, prefix);
            } else {
                if (term.kind == TermKind::Word) {
                    unit.english_stems = {term.text};
                    unit.english_word = term.word;
                }
                unit.phrase_terms = {pre + term.text};
                unit.query = Xapian::Query(unit.phrase_terms.front());
            }
            unit.start = term.start;
            unit.end = term.end;
            out.push_back(std::move(unit));
            ++i;
        }
    }
    join_english_neighbours(text, out, prefix);
    return out;
}

// A word written as two English words (fine-tuning, finetuning), found in
// any of its spellings: as typed (`whole`), the two side by side (their
// pair, which a hyphen also makes), or `joined` into one word.
TextQueryBuilder::Unit TextQueryBuilder::two_words(const std::vector<std::string>& stems,
                                                   const std::string& whole,
                                                   const std::optional<std::string>& joined,
                                                   std::string_view prefix) const {
    Unit unit;
    unit.typed_term = whole;
    unit.english_stems = stems;
    for (const auto& stem : stems) unit.phrase_terms.push_back(std::string(prefix) + stem);
    std::vector<Xapian::Query> spellings{Xapian::Query(whole), phrase_of(unit.phrase_terms)};
    if (joined && known(std::string(prefix) + *joined))
        spellings.emplace_back(std::string(prefix) + *joined);
    // The last resort: any of the term's words but function words
    // (byte-level finds "byte" when no paper writes "byte level"). Sooner,
    // among the words apart or in the any-word fill, they cost topic-tune
    // nDCG@10 0.735 -> 0.726 (on-device read as "device").
    if (strictness_ == Strictness::AnyPart) {
        std::vector<Xapian::Query> apart;
        for (size_t i = 0; i < stems.size(); ++i)
            if (!is_function_word(stems[i])) apart.emplace_back(unit.phrase_terms[i]);
        spellings.push_back(combine(Xapian::Query::OP_OR, apart));
    }
    unit.query = combine(Xapian::Query::OP_SYNONYM, spellings);
    return unit;
}

// Two English words typed apart, each also found as the word they make
// written together, where the index has it: fine tuning finds finetuning,
// gpt 4 finds gpt4. Like a Korean word and its neighbour (korean_unit),
// either spelling is one concept for weighing.
void TextQueryBuilder::join_english_neighbours(std::string_view text, std::vector<Unit>& units,
                                               std::string_view prefix) const {
    for (size_t i = 0; i + 1 < units.size(); ++i) {
        Unit& first = units[i];
        Unit& second = units[i + 1];
        if (first.english_word.empty() || second.english_word.empty() ||
            !only_spaces_between(text, first.end, second.start))
            continue;
        const auto joined = joined_term(analyzer_, first.english_word, second.english_word);
        if (!joined || !known(std::string(prefix) + *joined)) continue;
        const Xapian::Query written_together(std::string(prefix) + *joined);
        first.query = Xapian::Query(Xapian::Query::OP_SYNONYM, first.query, written_together);
        second.query = Xapian::Query(Xapian::Query::OP_SYNONYM, second.query, written_together);
    }
}

void TextQueryBuilder::note_origins(const Xapian::Query& query,
                                    const std::vector<Unit>& units) const {
    std::set<std::string> typed, synonym, noted;
    for (const auto& unit : units) {
        typed.insert(unit.phrase_terms.begin(), unit.phrase_terms.end());
        if (!unit.typed_term.empty()) typed.insert(unit.typed_term);
        synonym.insert(unit.synonym_terms.begin(), unit.synonym_terms.end());
    }
    for (const auto& origin : origins_) noted.insert(origin.term);
    for (const auto& term : terms_of(query)) {
        if (!noted.insert(term).second) continue;
        // A Korean pair is the compound's joined spelling.
        const TermOrigin origin = typed.count(term)            ? TermOrigin::Typed
                                  : synonym.count(term)        ? TermOrigin::Synonym
                                  : is_english_pair_term(term) ? TermOrigin::WordPair
                                  : is_ascii(term)             ? TermOrigin::EnglishVariant
                                                               : TermOrigin::KoreanVariant;
        origins_.push_back({term, origin});
    }
}

// Runs of two or more English words as phrases: "text generation" ranks
// the papers saying it above those with "text" here and "generation" there.
Xapian::Query TextQueryBuilder::english_phrases(const std::vector<Unit>& typed) const {
    std::vector<Xapian::Query> phrases;
    for (size_t i = 0; i < typed.size();) {
        size_t end = i;
        std::vector<std::string> terms;
        while (end < typed.size() && !typed[end].english_stems.empty()) {
            terms.insert(terms.end(), typed[end].phrase_terms.begin(),
                         typed[end].phrase_terms.end());
            ++end;
        }
        if (end - i >= 2) phrases.push_back(phrase_of(terms));
        i = std::max(end, i + 1);
    }
    return combine(Xapian::Query::OP_OR, phrases);
}

Xapian::Query TextQueryBuilder::words(std::string_view text, std::string_view prefix) const {
    std::vector<Unit> typed = units(text, prefix);
    const Xapian::Query phrases = english_phrases(typed);
    const std::vector<Unit> expanded = with_glossary(std::move(typed), prefix);
    std::vector<Xapian::Query> queries, boosts;
    if (!phrases.empty()) boosts.push_back(phrases);
    const auto optional = [](const Unit& unit) {
        return unit.synonym_terms.empty() && is_function_word(unit.english_word);
    };
    const bool only_function_words = std::all_of(expanded.begin(), expanded.end(), optional);
    for (const auto& unit : expanded) {
        (only_function_words || !optional(unit) ? queries : boosts).push_back(unit.query);
        if (!unit.boost.empty()) boosts.push_back(unit.boost);
    }
    Xapian::Query query = combine(default_op(), queries);
    // One AND_MAYBE at the top: nested in an AND, Xapian 1.4.22 let a paper
    // through the AND_NOT of the partial matches (a duplicate hit).
    if (!boosts.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                              combine(Xapian::Query::OP_OR, boosts));
    note_origins(query, expanded);
    return query;
}

Xapian::Query TextQueryBuilder::phrase(std::string_view text, std::string_view prefix) const {
    const std::vector<Unit> parts = units(text, prefix);
    // A Korean phrase is a compound, whatever the strictness.
    if (parts.size() == 1 && !parts.front().korean_stems.empty())
        return korean_compound(parts.front().korean_stems, prefix);
    if (parts.size() == 1) return parts.front().query;
    std::vector<std::string> terms;
    for (const auto& unit : parts)
        terms.insert(terms.end(), unit.phrase_terms.begin(), unit.phrase_terms.end());
    if (terms.empty()) return Xapian::Query();
    return phrase_of(terms);
}

}  // namespace papers
