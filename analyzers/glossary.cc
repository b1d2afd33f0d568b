#include "analyzers/glossary.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "analyzers/schema.h"

namespace papers {
namespace {

// Xapian's limit on a term's length, in bytes.
constexpr size_t kMaxTermBytes = 245;
constexpr char kSeparator = '\t';

// The papers of one (Korean key, English key), and how each was written.
struct Candidate {
    std::vector<Xapian::docid> docs;
    std::map<std::pair<std::string, std::string>, size_t> spellings;  // (korean, english) -> papers
    size_t papers = 0;
};

using CandidatesByKorean = std::map<std::string, Candidate>;

// Two syllables: a one-syllable Korean word is rarely a whole translation.
constexpr size_t kMinKoreanWordBytes = 6;

std::vector<std::string> split_on_spaces(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() > suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The longest candidate of enough papers that `korean` ends with: the span a
// word shorter ("언어모델" for "대규모언어모델"). Keys hold no spaces, so a
// rare candidate ending inside a word ("규모언어모델") must not count.
const std::string* shorter_span(const CandidatesByKorean& candidates, const std::string& korean) {
    const std::string* best = nullptr;
    for (const auto& [other, candidate] : candidates)
        if (candidate.papers >= kGlossaryMinPapers && ends_with(korean, other) &&
            (!best || other.size() > best->size()))
            best = &other;
    return best;
}

// Enough papers, and enough of its shorter span's papers, all the way down.
bool supported(const CandidatesByKorean& candidates, const std::string& korean) {
    const Candidate& candidate = candidates.at(korean);
    if (candidate.papers < kGlossaryMinPapers) return false;
    const std::string* shorter = shorter_span(candidates, korean);
    if (!shorter) return true;
    return candidate.papers >= kGlossaryLongerSpanShare * candidates.at(*shorter).papers &&
           supported(candidates, *shorter);
}

// The spans no supported longer span extends: "강화 학습", not "학습".
std::vector<std::string> best_spans(const CandidatesByKorean& candidates) {
    std::vector<std::string> kept;
    for (const auto& candidate : candidates) {
        const std::string& korean = candidate.first;  // clang 14 lambdas capture no bindings
        if (!supported(candidates, korean)) continue;
        const bool extended =
            std::any_of(candidates.begin(), candidates.end(), [&](const auto& longer) {
                const std::string* shorter = shorter_span(candidates, longer.first);
                return shorter && *shorter == korean && supported(candidates, longer.first);
            });
        if (!extended) kept.push_back(korean);
    }
    return kept;
}

GlossaryEntry make_entry(const std::string& english_key, const std::string& korean_key,
                         const Candidate& candidate) {
    GlossaryEntry entry;
    entry.korean_key = korean_key;
    entry.english_key = english_key;
    entry.papers = candidate.papers;
    size_t most = 0;
    for (const auto& [spelling, papers] : candidate.spellings) {
        if (papers <= most) continue;
        most = papers;
        entry.korean = spelling.first;
        entry.english = spelling.second;
    }
    return entry;
}

// "언어 모델" for "vision-language models" when "언어 모델" is learned for
// "language models": the Korean run was cut short ("비전-언어 모델"), and
// the pair would send a query for the wider term to the narrower one.
bool translates_less(const GlossaryEntry& entry, const std::vector<GlossaryEntry>& entries) {
    return std::any_of(entries.begin(), entries.end(), [&](const GlossaryEntry& shorter) {
        return shorter.korean_key == entry.korean_key &&
               ends_with(entry.english_key, " " + shorter.english_key);
    });
}

std::map<std::string, CandidatesByKorean> read_candidates(const Xapian::Database& db) {
    std::map<std::string, CandidatesByKorean> by_english;
    const std::string prefix(schema::kGlossaryPrefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        const auto pair = parse_glossary_term(*term);
        if (!pair) continue;
        Candidate& candidate = by_english[pair->english_key][pair->korean_key];
        candidate.spellings[{pair->korean, pair->english}] += term.get_termfreq();
        for (auto doc = db.postlist_begin(*term); doc != db.postlist_end(*term); ++doc)
            candidate.docs.push_back(*doc);
    }
    for (auto& [english, candidates] : by_english) {
        for (auto& [korean, candidate] : candidates) {
            auto& docs = candidate.docs;
            std::sort(docs.begin(), docs.end());
            candidate.papers = std::unique(docs.begin(), docs.end()) - docs.begin();
            docs.clear();
        }
    }
    return by_english;
}

}  // namespace

std::optional<std::string> glossary_term(const GlossaryPair& pair) {
    std::string term(schema::kGlossaryPrefix);
    for (const std::string* part :
         {&pair.korean_key, &pair.english_key, &pair.korean, &pair.english}) {
        if (part->empty() || part->find(kSeparator) != std::string::npos) return std::nullopt;
        if (part != &pair.korean_key) term += kSeparator;
        term += *part;
    }
    if (term.size() > kMaxTermBytes) return std::nullopt;
    return term;
}

std::optional<GlossaryPair> parse_glossary_term(std::string_view term) {
    if (term.substr(0, schema::kGlossaryPrefix.size()) != schema::kGlossaryPrefix)
        return std::nullopt;
    term.remove_prefix(schema::kGlossaryPrefix.size());
    std::vector<std::string> parts;
    for (size_t start = 0;;) {
        const size_t end = term.find(kSeparator, start);
        parts.emplace_back(term.substr(start, end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    if (parts.size() != 4) return std::nullopt;
    return GlossaryPair{parts[0], parts[1], parts[2], parts[3]};
}

std::vector<GlossaryEntry> learned_glossary(const Xapian::Database& db) {
    std::vector<GlossaryEntry> entries;
    for (const auto& [english_key, candidates] : read_candidates(db))
        for (const auto& korean_key : best_spans(candidates))
            entries.push_back(make_entry(english_key, korean_key, candidates.at(korean_key)));
    std::vector<GlossaryEntry> whole;
    for (const auto& entry : entries)
        if (!translates_less(entry, entries)) whole.push_back(entry);
    std::stable_sort(whole.begin(), whole.end(),
                     [](const auto& a, const auto& b) { return a.papers > b.papers; });
    return whole;
}

std::vector<WordTranslation> learned_word_translations(const Xapian::Database& db,
                                                       const Analyzer& analyzer) {
    // english stem -> korean stem -> the papers aligning them
    std::map<std::string, std::map<std::string, std::vector<Xapian::docid>>> aligned;
    const std::string prefix(schema::kGlossaryPrefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        const auto pair = parse_glossary_term(*term);
        if (!pair) continue;
        const std::vector<std::string> english =
            split_on_spaces(glossary_keys(pair->english, analyzer).english);
        std::vector<std::string> korean;
        for (const auto& word : split_on_spaces(pair->korean))
            korean.push_back(glossary_keys(word, analyzer).korean);
        if (english.size() != korean.size()) continue;
        for (size_t i = 0; i < english.size(); ++i) {
            if (korean[i].size() < kMinKoreanWordBytes)
                continue;  // 키 for "key": too short to tell
            auto& docs = aligned[english[i]][korean[i]];
            for (auto doc = db.postlist_begin(*term); doc != db.postlist_end(*term); ++doc)
                docs.push_back(*doc);
        }
    }
    std::vector<WordTranslation> out;
    for (auto& [english, by_korean] : aligned) {
        size_t all = 0;
        WordTranslation best{english, "", 0};
        for (auto& [korean, docs] : by_korean) {
            std::sort(docs.begin(), docs.end());
            const size_t papers = std::unique(docs.begin(), docs.end()) - docs.begin();
            all += papers;
            if (papers > best.papers) best = {english, korean, papers};
        }
        if (best.papers >= kWordTranslationMinPapers && best.papers >= kWordTranslationShare * all)
            out.push_back(std::move(best));
    }
    return out;
}

std::string word_translation_key(std::string_view english_stem) {
    return std::string(schema::kWordTranslationKey) + std::string(english_stem);
}

GlossaryKeys glossary_keys(std::string_view text, const Analyzer& analyzer) {
    GlossaryKeys keys;
    analyzer.analyze(text, [&](const Term& term) {
        if (term.kind == TermKind::Hangul) {
            keys.korean += term.text;
        } else if (term.kind == TermKind::Word) {
            if (!keys.english.empty()) keys.english += ' ';
            keys.english += term.text;
        }
    });
    return keys;
}

bool is_korean_key(std::string_view key) {
    return !key.empty() && static_cast<unsigned char>(key.front()) >= 0x80;
}

}  // namespace papers
