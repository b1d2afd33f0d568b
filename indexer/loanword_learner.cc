#include "indexer/loanword_learner.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "analyzers/loanwords.h"
#include "analyzers/utf8.h"
#include "analyzers/word_pairs.h"

namespace papers {
namespace {

constexpr size_t kMinEnglishLetters = 3;
constexpr size_t kMinKoreanSyllables = 2;

bool is_english_word(const std::string& word) {
    if (word.size() < kMinEnglishLetters) return false;
    for (const char c : word)
        if (c < 'a' || c > 'z') return false;
    return true;
}

// Only Hangul syllables, at least two (romanize_hangul drops anything else).
bool is_hangul_word(const std::string& word) {
    if (word.size() < kMinKoreanSyllables * kHangulSyllableBytes ||
        word.size() % kHangulSyllableBytes)
        return false;
    for (size_t i = 0; i < word.size(); i += kHangulSyllableBytes)
        if (!hangul_syllable_at(word, i)) return false;
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

// How many of the papers with term `a` also have term `b`: the rarer term's
// papers, each looked up in the other's list. The count stops, short, once
// it cannot reach `needed`.
size_t papers_with_both(const Xapian::Database& db, const std::string& a, const std::string& b,
                        double needed) {
    const Xapian::doccount a_papers = db.get_termfreq(a), b_papers = db.get_termfreq(b);
    const bool a_rarer = a_papers <= b_papers;
    const std::string& rare = a_rarer ? a : b;
    const std::string& common = a_rarer ? b : a;
    size_t both = 0, left = std::min(a_papers, b_papers);
    auto other = db.postlist_begin(common);
    const auto other_end = db.postlist_end(common);
    for (auto doc = db.postlist_begin(rare); doc != db.postlist_end(rare) && other != other_end;
         ++doc, --left) {
        if (both + left < needed) break;
        other.skip_to(*doc);
        if (other != other_end && *other == *doc) ++both;
    }
    return both;
}

// The fewest papers writing both words that confirm a candidate of
// `skeleton` (see kLoanwordMinLift), or 0 when none would: a skeleton of
// one consonant.
double papers_needed(const std::string& skeleton, double korean_papers, double english_papers,
                     double all_papers) {
    const size_t consonants = skeleton_consonants(skeleton);
    if (consonants < 2) return 0;
    const bool short_skeleton = consonants < kLoanwordShortSkeleton;
    const double min_papers = short_skeleton ? kLoanwordShortMinPapers : kLoanwordMinPapers;
    const double min_lift = short_skeleton ? kLoanwordShortMinLift : kLoanwordMinLift;
    return std::max({min_papers, min_lift * korean_papers * english_papers / all_papers,
                     kLoanwordKoreanShare * korean_papers, kLoanwordEnglishShare * english_papers});
}

using EnglishBySkeleton = std::map<std::string, std::set<std::string>>;

// The two-word loanwords that start with `first` (포인트 클라우드 / point
// cloud after 포인트 / point): a Korean pair term (analyzers/word_pairs.h)
// of `first` and a word whose skeleton an English word has, such that the
// English pair is a term too and one paper at least writes both pairs.
void add_pairs(const Xapian::Database& db, const EnglishBySkeleton& english, const Loanword& first,
               std::vector<Loanword>& out) {
    for (auto term = db.allterms_begin(first.korean_stem);
         term != db.allterms_end(first.korean_stem); ++term) {
        const std::string korean = *term;
        const std::string second = korean.substr(first.korean_stem.size());
        if (second.empty() || !is_hangul_word(second) || term.get_termfreq() < kLoanwordMinPapers)
            continue;
        const std::string skeleton = korean_skeleton(second);
        const auto stems = english.find(skeleton);
        if (skeleton_consonants(skeleton) < kLoanwordShortSkeleton || stems == english.end())
            continue;
        std::optional<Loanword> best;
        for (const auto& stem : stems->second) {
            const auto pair = pair_term(first.english_stem, stem);
            if (!pair || !db.term_exists(*pair)) continue;
            const size_t both = papers_with_both(db, korean, *pair, kLoanwordPairMinPapers);
            if (both >= kLoanwordPairMinPapers && (!best || both > best->papers))
                best = Loanword{korean,
                                *pair,
                                first.skeleton + skeleton,
                                both,
                                term.get_termfreq(),
                                db.get_termfreq(*pair)};
        }
        if (best) out.push_back(std::move(*best));
    }
}

}  // namespace

std::vector<Loanword> learned_loanwords(const Xapian::Database& db, const Analyzer& analyzer) {
    const auto english = english_by_skeleton(db, analyzer);
    const double all_papers = db.get_doccount();
    std::vector<Loanword> out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        const std::string korean = *it;
        if (!is_hangul_word(korean)) continue;
        const Xapian::doccount korean_papers = db.get_termfreq(korean);
        if (korean_papers < kLoanwordMinPapers) continue;
        const std::string skeleton = korean_skeleton(korean);
        const auto stems = english.find(skeleton);
        if (stems == english.end()) continue;
        std::optional<Loanword> best;
        for (const auto& stem : stems->second) {
            const Xapian::doccount english_papers = db.get_termfreq(stem);
            const double needed =
                papers_needed(skeleton, korean_papers, english_papers, all_papers);
            // Counting the papers with both costs a walk of a list: only
            // when enough papers could write both.
            if (needed <= 0 || needed > std::min(korean_papers, english_papers)) continue;
            const size_t both = papers_with_both(db, korean, stem, needed);
            if (both < needed || (best && both <= best->papers)) continue;
            best =
                Loanword{korean,
                         stem,
                         skeleton,
                         both,
                         korean_papers,
                         english_papers,
                         both * all_papers / (static_cast<double>(korean_papers) * english_papers)};
        }
        if (best) out.push_back(std::move(*best));
    }
    // Into a list of their own: appending to `out` while reading its words
    // would move them.
    std::vector<Loanword> pairs;
    for (const auto& word : out) add_pairs(db, english, word, pairs);
    out.insert(out.end(), std::make_move_iterator(pairs.begin()),
               std::make_move_iterator(pairs.end()));
    return out;
}

}  // namespace papers
