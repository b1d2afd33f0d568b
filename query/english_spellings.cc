#include "query/english_spellings.h"

#include <vector>

#include "analyzers/word_pairs.h"

namespace papers {
namespace {

// Only a word of ASCII letters and digits this long is split: the splits of
// n letters cost n lookups.
constexpr size_t kMinSplitLetters = 4;
constexpr size_t kMaxSplitLetters = 24;

bool is_ascii_word(std::string_view word) {
    for (const char c : word)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return !word.empty();
}

// The one Word term of `text`, if it is one word.
std::optional<std::string> one_word(const Analyzer& analyzer, std::string_view text) {
    const std::vector<Term> terms = analyzer.analyze(text);
    if (terms.size() != 1 || terms.front().kind != TermKind::Word) return std::nullopt;
    return terms.front().text;
}

}  // namespace

std::optional<std::string> joined_term(const Analyzer& analyzer, std::string_view first,
                                       std::string_view second) {
    if (!is_ascii_word(first) || !is_ascii_word(second)) return std::nullopt;
    return one_word(analyzer, std::string(first) + std::string(second));
}

std::optional<SplitWord> split_word(const Analyzer& analyzer, const Xapian::Database& db,
                                    std::string_view word, std::string_view term) {
    if (word.size() < kMinSplitLetters || word.size() > kMaxSplitLetters || !is_ascii_word(word))
        return std::nullopt;
    const Xapian::doccount own = db.get_termfreq(std::string(term));
    std::optional<SplitWord> best;
    Xapian::doccount best_papers = 0;
    for (size_t at = 1; at < word.size(); ++at) {
        const auto first = one_word(analyzer, word.substr(0, at));
        const auto second = one_word(analyzer, word.substr(at));
        if (!first || !second) continue;
        const auto pair = pair_term(*first, *second);
        if (!pair) continue;
        const Xapian::doccount papers = db.get_termfreq(*pair);
        if (papers > best_papers) {
            best_papers = papers;
            best = SplitWord{*first, *second};
        }
    }
    if (best_papers < kMinSplitPapers || best_papers * kSplitShare < own) return std::nullopt;
    return best;
}

}  // namespace papers
