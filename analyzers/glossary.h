// The cross-lingual glossary: `한국어 용어(English term)` pairs mined from the
// summaries (indexer/glossary_miner.h), counted per paper and turned into
// Xapian synonyms both ways (query/text_query.h expands with them).
//
// Storage stays right under incremental indexing because counts are never
// kept on their own: each document carries one boolean term per candidate
// pair it mentions (schema::kGlossaryPrefix), so a pair's paper count is the
// term's frequency, and replacing or deleting a paper updates it. Each index
// run then regenerates the synonyms from those terms (index_writer.cc).
//
// Keys are in the analysed form the query side builds (analyzers/analyzer.h):
//   Korean key:  the Korean stems concatenated without spaces ("강화학습"),
//                because Korean spacing varies and the query side tries the
//                spellings of a compound anyway;
//   English key: the English stems joined by one space ("reinforc learn").
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"

namespace papers {

// A pair papers must share before it becomes a synonym (one paper's odd
// parenthesis is not a translation).
inline constexpr size_t kGlossaryMinPapers = 2;

// A longer Korean span ("대규모 언어 모델") wins over the shorter one it ends
// with ("언어 모델") for the same English term when at least this share of
// the shorter one's papers use it.
inline constexpr double kGlossaryLongerSpanShare = 0.25;

// One candidate pair, as mined from a paper and stored in its term.
struct GlossaryPair {
    std::string korean_key;
    std::string english_key;
    std::string korean;   // as written, words separated by one space
    std::string english;  // as written, lower case, words separated by one space
};

// The document term for `pair`, or nullopt when it is too long for Xapian.
std::optional<std::string> glossary_term(const GlossaryPair& pair);
// The pair a document term holds, or nullopt when `term` is not one.
std::optional<GlossaryPair> parse_glossary_term(std::string_view term);

// A learned entry: a pair as written most often, and how many papers use it.
struct GlossaryEntry {
    std::string korean;
    std::string english;
    std::string korean_key;
    std::string english_key;
    size_t papers = 0;
};

// The pairs the documents of `db` support (kGlossaryMinPapers, and for each
// English term the best-supported Korean spans), most papers first. A pair
// whose Korean is learned for the end of its English is left out (언어 모델
// for "vision-language models" when it is learned for "language models").
std::vector<GlossaryEntry> learned_glossary(const Xapian::Database& db);

// Word translations, for English terms the glossary does not hold whole:
// Korean noun compounds put their words in the English order (자동 음성 인식
// / automatic speech recognition), so in every candidate pair (learned or
// not) with as many Korean as English words, the words at the same place
// translate each other. An English stem keeps its most frequent Korean
// stem when at least kWordTranslationMinPapers papers align them and they
// make at least kWordTranslationShare of the stem's alignments.
inline constexpr size_t kWordTranslationMinPapers = 2;
inline constexpr double kWordTranslationShare = 0.3;

struct WordTranslation {
    std::string english_stem;  // "recognit"
    std::string korean_stem;   // "인식"
    size_t papers = 0;
};

std::vector<WordTranslation> learned_word_translations(const Xapian::Database& db,
                                                       const Analyzer& analyzer);

// The synonym key under which a word translation is stored: it cannot be
// a glossary key (schema::kWordTranslationKey).
std::string word_translation_key(std::string_view english_stem);

// The keys of some text: its Korean stems concatenated, its English stems
// joined by spaces (mixed tokens such as "GPT-4o" count by their parts).
struct GlossaryKeys {
    std::string korean;
    std::string english;
};
GlossaryKeys glossary_keys(std::string_view text, const Analyzer& analyzer);

// True when `key` is a Korean key (it starts with a non-ASCII byte).
bool is_korean_key(std::string_view key);

}  // namespace papers
