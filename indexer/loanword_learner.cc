#include "indexer/loanword_learner.h"

#include <map>
#include <set>

#include "analyzers/loanwords.h"

namespace papers {
namespace {

constexpr size_t kMinEnglishLetters = 3;
constexpr size_t kHangulBytes = 3;
constexpr size_t kMinKoreanSyllables = 2;

bool is_english_word(const std::string& word) {
    if (word.size() < kMinEnglishLetters) return false;
    for (const char c : word)
        if (c < 'a' || c > 'z') return false;
    return true;
}

// Only Hangul syllables, at least two (romanize_hangul drops anything else).
bool is_hangul_word(const std::string& word) {
    if (word.size() < kMinKoreanSyllables * kHangulBytes || word.size() % kHangulBytes)
        return false;
    for (size_t i = 0; i < word.size(); i += kHangulBytes)
        if (romanize_hangul(word.substr(i, kHangulBytes)).empty()) return false;
    return true;
}

std::string english_stem(const Analyzer& analyzer, const std::string& word) {
    const auto terms = analyzer.analyze(word);
    return terms.size() == 1 && terms.front().kind == TermKind::Word ? terms.front().text : "";
}

// skeleton -> the English stems of the spelling table's words with it; a
// plural is also read without its s (토크나이저 for "tokenizers").
std::map<std::string, std::set<std::string>> english_by_skeleton(const Xapian::Database& db,
                                                                 const Analyzer& analyzer) {
    std::map<std::string, std::set<std::string>> out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        const std::string word = *it;
        if (!is_english_word(word)) continue;
        const std::string stem = english_stem(analyzer, word);
        if (stem.empty()) continue;
        out[english_skeleton(word)].insert(stem);
        if (word.back() == 's') out[english_skeleton(word.substr(0, word.size() - 1))].insert(stem);
    }
    return out;
}

// How many of the papers with term `a` also have term `b`.
size_t papers_with_both(const Xapian::Database& db, const std::string& a, const std::string& b) {
    size_t both = 0;
    auto other = db.postlist_begin(b);
    const auto other_end = db.postlist_end(b);
    for (auto doc = db.postlist_begin(a); doc != db.postlist_end(a) && other != other_end; ++doc) {
        other.skip_to(*doc);
        if (other != other_end && *other == *doc) ++both;
    }
    return both;
}

bool confirmed(const Loanword& candidate) {
    if (candidate.skeleton.size() < 2) return false;
    const bool short_skeleton = candidate.skeleton.size() < kLoanwordShortSkeleton;
    const size_t min_papers = short_skeleton ? kLoanwordShortMinPapers : kLoanwordMinPapers;
    const double share = short_skeleton ? kLoanwordShortShare : kLoanwordShare;
    return candidate.papers >= min_papers &&
           static_cast<double>(candidate.papers) >= share * candidate.korean_papers;
}

}  // namespace

std::vector<Loanword> learned_loanwords(const Xapian::Database& db, const Analyzer& analyzer) {
    const auto english = english_by_skeleton(db, analyzer);
    std::vector<Loanword> out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        const std::string korean = *it;
        if (!is_hangul_word(korean)) continue;
        const Xapian::doccount korean_papers = db.get_termfreq(korean);
        if (korean_papers < kLoanwordMinPapers) continue;
        const std::string skeleton = korean_skeleton(korean);
        const auto stems = english.find(skeleton);
        if (stems == english.end()) continue;
        Loanword best{korean, "", skeleton, 0, korean_papers};
        for (const auto& stem : stems->second) {
            const size_t both = papers_with_both(db, korean, stem);
            if (both > best.papers) {
                best.english_stem = stem;
                best.papers = both;
            }
        }
        if (confirmed(best)) out.push_back(std::move(best));
    }
    return out;
}

}  // namespace papers
