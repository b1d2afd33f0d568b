#include "indexer/loanword_learner.h"

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
    const size_t consonants = skeleton_consonants(candidate.skeleton);
    if (consonants < 2) return false;
    const bool short_skeleton = consonants < kLoanwordShortSkeleton;
    const size_t min_papers = short_skeleton ? kLoanwordShortMinPapers : kLoanwordMinPapers;
    const double min_lift = short_skeleton ? kLoanwordShortMinLift : kLoanwordMinLift;
    const auto both = static_cast<double>(candidate.papers);
    return candidate.papers >= min_papers && candidate.lift >= min_lift &&
           both >= kLoanwordKoreanShare * candidate.korean_papers &&
           both >= kLoanwordEnglishShare * candidate.english_papers;
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
            const size_t both = papers_with_both(db, korean, *pair);
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
            Loanword candidate{korean,        stem,
                               skeleton,      papers_with_both(db, korean, stem),
                               korean_papers, db.get_termfreq(stem)};
            if (candidate.english_papers == 0) continue;
            candidate.lift = candidate.papers * all_papers /
                             (static_cast<double>(korean_papers) * candidate.english_papers);
            if (confirmed(candidate) && (!best || candidate.papers > best->papers))
                best = std::move(candidate);
        }
        if (best) out.push_back(std::move(*best));
    }
    const size_t words = out.size();
    for (size_t i = 0; i < words; ++i) add_pairs(db, english, out[i], out);
    return out;
}

}  // namespace papers
