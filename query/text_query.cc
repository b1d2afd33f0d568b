#include "query/text_query.h"

#include "analyzers/korean_segmenter.h"

namespace papers {

namespace {

// Spellings tried for one Korean compound.
constexpr size_t kMaxSplits = 16;

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

TextQueryBuilder::TextQueryBuilder(const Analyzer& analyzer, const Xapian::Database& db,
                                   Strictness strictness)
    : analyzer_(analyzer), db_(db), strictness_(strictness) {}

bool TextQueryBuilder::known(const std::string& term) const {
    return db_.term_exists(term);
}

// A compound as typed, or joined, or split any way the index knows.
Xapian::Query TextQueryBuilder::korean_compound(const std::vector<std::string>& stems,
                                                std::string_view prefix) const {
    const auto with_prefix = [&](const std::vector<std::string>& parts) {
        std::vector<std::string> terms;
        for (const auto& part : parts) terms.push_back(std::string(prefix) + part);
        return terms;
    };
    std::vector<Xapian::Query> spellings{phrase_of(with_prefix(stems))};
    std::string joined;
    for (const auto& stem : stems) joined += stem;
    const auto is_known = [&](const std::string& word) {
        return known(std::string(prefix) + word);
    };
    for (const auto& parts : known_splits(joined, kMaxSplits, is_known))
        if (parts != stems) spellings.push_back(phrase_of(with_prefix(parts)));
    return combine(Xapian::Query::OP_OR, spellings);
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
            if (strictness_ == Strictness::Compounds) {
                unit.query = korean_compound(unit.korean_stems, prefix);
            } else {
                std::vector<Xapian::Query> each;
                for (const auto& stem : unit.korean_stems)
                    each.push_back(korean_compound({stem}, prefix));
                unit.query = combine(default_op(), each);
            }
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

Xapian::Query TextQueryBuilder::words(std::string_view text, std::string_view prefix) const {
    std::vector<Xapian::Query> queries;
    for (auto& unit : units(text, prefix)) queries.push_back(std::move(unit.query));
    return combine(default_op(), queries);
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
