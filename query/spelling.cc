#include "query/spelling.h"

#include <algorithm>

#include "analyzers/spelling_word.h"

namespace papers {
namespace {

// A Latin word in fewer papers than this is checked for a misspelling...
constexpr Xapian::doccount kRareBelow = 3;
// ...and, when it is in some papers, replaced only by a word in this many
// times as many (a rare real word is not "corrected" to a common neighbour
// unless it is very likely a slip).
constexpr Xapian::doccount kCommonerBy = 20;

// Edits allowed between a word and its suggestion. One Hangul syllable is a
// whole letter block, so one edit is already a lot; short Latin words have
// too many neighbours at two.
unsigned max_edits(const Term& term) {
    if (term.kind == TermKind::Hangul) return 1;
    return term.word.size() <= 4 ? 1 : 2;
}

// Whether a word in `freq` papers may be misspelt. A Korean word is checked
// only when no paper has it: the rare Korean words of the summaries are
// mostly real (반사면, 초벌, 종전), and one syllable away from a commoner
// word (반면, 초기, 사전) that means something else.
bool may_be_misspelt(const Term& term, Xapian::doccount freq) {
    return freq < (term.kind == TermKind::Hangul ? 1 : kRareBelow);
}

struct Edit {
    size_t offset;  // in the query
    size_t length;
    std::string replacement;
};

// The replacement text for the typed `surface` of `term`: a Korean particle
// after the word stays; a capitalised Latin word stays capitalised.
std::string replacement_for(std::string_view surface, const Term& term, std::string suggestion,
                            size_t& replaced_length) {
    replaced_length = surface.size();
    if (term.kind == TermKind::Hangul && surface.substr(0, term.word.size()) == term.word) {
        replaced_length = term.word.size();
        return suggestion;
    }
    if (!surface.empty() && surface[0] >= 'A' && surface[0] <= 'Z' && !suggestion.empty() &&
        suggestion[0] >= 'a' && suggestion[0] <= 'z')
        suggestion[0] = static_cast<char>(suggestion[0] - 'a' + 'A');
    return suggestion;
}

class Speller {
  public:
    Speller(const Analyzer& analyzer, const Xapian::Database& db) : analyzer_(analyzer), db_(db) {}

    // The edits for the misspelt words of one span. Only the words a search
    // uses are checked (kMaxQueryWords): a lookup in the spelling table is
    // costly, and a pasted page has thousands.
    void check(const TextSpan& span, std::vector<Edit>& edits) {
        for (const Term& term : analyzer_.analyze(span.text)) {
            if (words_checked_ == kMaxQueryWords) return;
            ++words_checked_;
            if (!is_spelling_word(term)) continue;
            const Xapian::doccount freq = db_.get_termfreq(span.prefix + term.text);
            if (!may_be_misspelt(term, freq)) continue;
            // A word the index holds outside the field is no slip: the field
            // just lacks it (section:limitations is not section:imitation).
            if (freq == 0 && !span.prefix.empty() && db_.term_exists(term.text)) continue;
            const std::string suggestion = suggestion_for(term, span.prefix, freq);
            if (suggestion.empty()) continue;
            const std::string_view surface =
                std::string_view(span.text).substr(term.start, term.end - term.start);
            Edit edit{span.offset + term.start, 0, ""};
            edit.replacement = replacement_for(surface, term, suggestion, edit.length);
            edits.push_back(std::move(edit));
        }
    }

  private:
    // Xapian's nearest spelling-table word, if its term (in the span's
    // field) is in enough more papers than the typed one.
    std::string suggestion_for(const Term& term, const std::string& prefix,
                               Xapian::doccount freq) const {
        const std::string word = db_.get_spelling_suggestion(term.word, max_edits(term));
        if (word.empty() || word == term.word) return {};
        const std::vector<Term> suggested = analyzer_.analyze(word);
        if (suggested.size() != 1 || suggested.front().text == term.text) return {};
        const Xapian::doccount suggested_freq = db_.get_termfreq(prefix + suggested.front().text);
        if (suggested_freq == 0 || suggested_freq < freq * kCommonerBy) return {};
        return word;
    }

    const Analyzer& analyzer_;
    const Xapian::Database& db_;
    size_t words_checked_ = 0;
};

}  // namespace

std::string suggest_spelling(std::string_view query, const std::vector<TextSpan>& spans,
                             const Analyzer& analyzer, const Xapian::Database& db) {
    Speller speller(analyzer, db);
    std::vector<Edit> edits;
    for (const auto& span : spans) speller.check(span, edits);
    if (edits.empty()) return {};
    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.offset > b.offset; });
    std::string corrected(query);
    for (const auto& edit : edits) corrected.replace(edit.offset, edit.length, edit.replacement);
    return corrected;
}

}  // namespace papers
