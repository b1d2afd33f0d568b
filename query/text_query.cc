#include "query/text_query.h"

#include <optional>

#include "analyzers/korean_segmenter.h"

namespace papers {

namespace {

constexpr size_t kMaxSegmentations = 32;
// A Korean run longer than this is split: 2^(n-1) spacings per run.
constexpr size_t kMaxKoreanRun = 4;

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

Xapian::Query phrase_of(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
}

bool only_spaces_between(std::string_view text, uint32_t from, uint32_t to) {
    if (from > to) return false;
    for (uint32_t i = from; i < to; ++i) {
        if (text[i] != ' ' && text[i] != '\t') return false;
    }
    return true;
}

}  // namespace

struct TextQueryBuilder::Unit {
    Xapian::Query query;
    std::vector<std::string> phrase_terms;  // the unit's terms in order, for phrases
    std::vector<std::string> korean_stems;  // set when the unit is a Korean run
};

TextQueryBuilder::TextQueryBuilder(const Analyzer& analyzer, const Xapian::Database& db)
    : analyzer_(analyzer), db_(db) {}

bool TextQueryBuilder::known(const std::string& term) const { return db_.term_exists(term); }

std::optional<Xapian::Query> TextQueryBuilder::korean_word(const std::string& stem,
                                                          std::string_view prefix) const {
    const std::string whole = std::string(prefix) + stem;
    std::vector<Xapian::Query> spellings;
    if (known(whole)) spellings.emplace_back(whole);
    for (const auto& parts : hangul_segmentations(stem, kMaxSegmentations)) {
        if (parts.size() < 2) continue;
        std::vector<std::string> terms;
        for (const auto& part : parts) terms.push_back(std::string(prefix) + part);
        bool all_known = true;
        for (const auto& term : terms) all_known = all_known && known(term);
        if (all_known) spellings.push_back(phrase_of(terms));
    }
    if (spellings.empty()) return std::nullopt;  // the index has no spelling of it
    return combine(Xapian::Query::OP_OR, spellings);
}

// Every way of spacing the run: "보상 모델" is tried as written and as
// "보상모델"; each word in turn may be written spaced in the documents.
Xapian::Query TextQueryBuilder::korean_run(const std::vector<std::string>& stems,
                                           std::string_view prefix) const {
    if (stems.size() > kMaxKoreanRun) {
        std::vector<std::string> head(stems.begin(), stems.begin() + kMaxKoreanRun);
        std::vector<std::string> tail(stems.begin() + kMaxKoreanRun, stems.end());
        return Xapian::Query(Xapian::Query::OP_AND, korean_run(head, prefix),
                             korean_run(tail, prefix));
    }
    std::vector<Xapian::Query> spacings;
    const unsigned joins = 1u << (stems.size() - 1);
    for (unsigned mask = 0; mask < joins; ++mask) {
        // Bit i set: stems[i] and stems[i+1] are written together.
        std::vector<std::string> words{stems[0]};
        for (size_t i = 1; i < stems.size(); ++i) {
            if (mask & (1u << (i - 1)))
                words.back() += stems[i];
            else
                words.push_back(stems[i]);
        }
        std::vector<Xapian::Query> word_queries;
        bool all_known = true;
        for (const auto& word : words) {
            auto query = korean_word(word, prefix);
            all_known = all_known && query.has_value();
            // An unknown word stays as its own term, which matches nothing,
            // so that every-word-must-match still means what it says.
            word_queries.push_back(query ? *query : Xapian::Query(std::string(prefix) + word));
        }
        // A joined spelling the index has never seen adds nothing.
        if (all_known || mask == 0) spacings.push_back(combine(Xapian::Query::OP_AND, word_queries));
    }
    return combine(Xapian::Query::OP_OR, spacings);
}

std::vector<TextQueryBuilder::Unit> TextQueryBuilder::units(std::string_view text,
                                                            std::string_view prefix) const {
    const std::vector<Term> terms = analyzer_.analyze(text);
    const std::string pre(prefix);
    std::vector<Unit> out;
    for (size_t i = 0; i < terms.size();) {
        const Term& term = terms[i];
        if (term.kind == TermKind::Compound) {
            // Its parts follow, inside its byte range.
            std::vector<std::string> parts;
            size_t j = i + 1;
            for (; j < terms.size() && terms[j].start >= term.start && terms[j].end <= term.end;
                 ++j) {
                if (terms[j].kind != TermKind::Compound) parts.push_back(pre + terms[j].text);
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
            Unit unit;
            size_t j = i;
            do {
                unit.korean_stems.push_back(terms[j].text);
                unit.phrase_terms.push_back(pre + terms[j].text);
                ++j;
            } while (j < terms.size() && terms[j].kind == TermKind::Hangul &&
                     terms[j].position == terms[j - 1].position + 1 &&
                     only_spaces_between(text, terms[j - 1].end, terms[j].start));
            unit.query = korean_run(unit.korean_stems, prefix);
            out.push_back(std::move(unit));
            i = j;
        } else {
            Unit unit;
            unit.phrase_terms = {pre + term.text};
            unit.query = Xapian::Query(unit.phrase_terms.front());
            out.push_back(std::move(unit));
            ++i;
        }
    }
    return out;
}

Xapian::Query TextQueryBuilder::words(std::string_view text, std::string_view prefix,
                                      Xapian::Query::op op) const {
    std::vector<Xapian::Query> queries;
    for (auto& unit : units(text, prefix)) queries.push_back(std::move(unit.query));
    return combine(op, queries);
}

Xapian::Query TextQueryBuilder::phrase(std::string_view text, std::string_view prefix) const {
    const std::vector<Unit> parts = units(text, prefix);
    if (parts.size() == 1 && parts.front().korean_stems.size() > 1) {
        // A Korean phrase may be written spaced or not: "보상 모델" = "보상모델".
        std::string joined;
        for (const auto& stem : parts.front().korean_stems) joined += stem;
        Xapian::Query spaced = phrase_of(parts.front().phrase_terms);
        auto unspaced = korean_word(joined, prefix);
        return unspaced ? Xapian::Query(Xapian::Query::OP_OR, spaced, *unspaced) : spaced;
    }
    if (parts.size() == 1) return parts.front().query;
    std::vector<std::string> terms;
    for (const auto& unit : parts)
        terms.insert(terms.end(), unit.phrase_terms.begin(), unit.phrase_terms.end());
    if (terms.empty()) return Xapian::Query();
    return phrase_of(terms);
}

}  // namespace papers
