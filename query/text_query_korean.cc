// Korean runs and compounds of a text query (query/text_query.h).

#include <algorithm>

#include "analyzers/korean_segmenter.h"
#include "query/text_query_parts.h"

namespace papers {
namespace {

// Spellings tried for one Korean compound.
constexpr size_t kMaxSplits = 16;
// A Korean run of up to this many words is one term (a compound).
constexpr size_t kWordsOfATerm = 2;
// What the whole run written as one compound adds, as a share of its weight.
constexpr double kRunAsCompoundWeight = 1.0;
// The longest compound (in syllables) whose splits are looked for: the
// splits of n syllables cost n^2 lookups.
constexpr size_t kMaxSplitSyllables = 24;

}  // namespace

// A compound as typed, or joined, or split any way the index knows, each
// spelling as the index holds it (korean_spelling). The spellings are one
// word: OP_SYNONYM weighs them as one term (and the matcher needs no sum over
// them). In the other language's reading they stay an OR, weighed as before:
// as a synonym, a rare spelling's weight could lift the reading above the
// words as typed (GlossaryIndexTest.TheTypedLanguageRanksFirst).
Xapian::Query TextQueryBuilder::korean_compound(const std::vector<std::string>& stems,
                                                std::string_view prefix,
                                                Xapian::Query::op spellings_op) const {
    std::set<std::string> seen;  // serialised spellings: two splits may read alike
    std::vector<Xapian::Query> spellings;
    const auto add = [&](const std::vector<std::string>& parts) {
        Xapian::Query spelling = korean_spelling(parts, prefix);
        if (seen.insert(spelling.serialise()).second) spellings.push_back(std::move(spelling));
    };
    add(stems);
    std::string joined;
    for (const auto& stem : stems) joined += stem;
    for (const auto& parts : splits(joined, kMaxSplits, prefix)) add(parts);
    return combine(spellings_op, spellings);
}

Xapian::Query TextQueryBuilder::korean_spelling(const std::vector<std::string>& parts,
                                                std::string_view prefix) const {
    std::vector<std::string> prefixed;
    for (const auto& part : parts) prefixed.push_back(std::string(prefix) + part);
    return phrase_of(prefixed);
}

// A Korean run of two words is a term, one compound in any spelling (보상
// 모델 = 보상모델 = 보상 모델을), as is a glossary term (`whole`). A longer run
// lists concepts: every word must match, each also found joined with its
// neighbour (세트 필드 = 세트필드, 데이터 세트 = 데이터세트), and the run written
// as one compound ranks first; the papers need not write them side by side.
// Words apart (Strictness::AllWords) reads every run so.
TextQueryBuilder::Unit TextQueryBuilder::korean_unit(const std::vector<std::string>& typed,
                                                     std::string_view prefix, bool whole) const {
    Unit unit;
    unit.korean_stems = typed;
    for (const auto& stem : typed) unit.phrase_terms.push_back(std::string(prefix) + stem);
    const bool compounds = strictness_ == Strictness::Compounds;
    if (compounds && whole) {
        unit.query = korean_compound(typed, prefix);
        return unit;
    }
    const std::vector<std::string> stems = known_parts(typed);
    if (compounds && stems.size() <= kWordsOfATerm) {
        unit.query = korean_compound(typed, prefix);
        return unit;
    }
    // Each pair of neighbours written as one, looked up once for both.
    std::vector<Xapian::Query> joined(stems.size());
    for (size_t i = 0; i + 1 < stems.size(); ++i)
        if (known(stems[i] + stems[i + 1]))
            joined[i] = korean_compound({stems[i] + stems[i + 1]}, prefix);
    std::vector<Xapian::Query> each;
    for (size_t i = 0; i < stems.size(); ++i) {
        std::vector<Xapian::Query> ways{korean_compound({stems[i]}, prefix)};
        if (i > 0 && !joined[i - 1].empty()) ways.push_back(joined[i - 1]);
        if (!joined[i].empty()) ways.push_back(joined[i]);
        // One concept for weighing: written joined, it weighs no more.
        each.push_back(combine(Xapian::Query::OP_SYNONYM, ways));
    }
    unit.query = combine(default_op(), each);
    if (each.size() > 1 && !any_word())
        unit.boost = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, korean_compound(stems, prefix),
                                   kRunAsCompoundWeight);
    return unit;
}

// The splits of Korean stems run together into words the index knows in
// the field of `prefix` (analyzers/korean_segmenter.h); none for a word
// longer than kMaxSplitSyllables.
std::vector<std::vector<std::string>> TextQueryBuilder::splits(const std::string& joined,
                                                               size_t max_results,
                                                               std::string_view prefix) const {
    if (code_points(joined) > kMaxSplitSyllables) return {};
    return known_splits(joined, max_results,
                        [&](const std::string& word) { return known(std::string(prefix) + word); });
}

// Whether a Korean word is made of two or more words the index knows.
bool TextQueryBuilder::is_compound(const std::string& word) const {
    const auto ways = splits(word, 2, "");
    return std::any_of(ways.begin(), ways.end(),
                       [](const auto& parts) { return parts.size() >= 2; });
}

// The typed words, a word no paper has replaced by the known words it is
// made of (데이터세트필드 -> 데이터세트 필드), so that AB = A B either way.
std::vector<std::string> TextQueryBuilder::known_parts(
    const std::vector<std::string>& typed) const {
    std::vector<std::string> out;
    for (const auto& word : typed) {
        if (!known(word)) {
            const auto ways = splits(word, 1, "");
            if (!ways.empty()) {
                out.insert(out.end(), ways.front().begin(), ways.front().end());
                continue;
            }
        }
        out.push_back(word);
    }
    return out;
}

}  // namespace papers
