// Loanwords in a text query (analyzers/loanwords.h): an English word gains
// the Hangul spellings the corpus writes for it, and a Korean run of
// loanwords gains the English words (포인트 클라우드 -> "point cloud").

#include "analyzers/glossary.h"
#include "analyzers/loanwords.h"
#include "analyzers/word_pairs.h"
#include "query/text_query_parts.h"

namespace papers {

// The other language's stems of one loanword: as learned, or for a Korean
// spelling the papers hardly write (토커나이저), by its sound: the English
// stems and the spellings of the same sound the papers write for them
// (토크나이저, not 토큰: "tokenizer" and "token" are one stem).
std::vector<std::string> TextQueryBuilder::loanword_readings(const std::string& stem) const {
    auto readings = synonyms_of(db_, loanword_key(stem));
    if (!readings.empty() || !is_korean_key(stem) || db_.get_termfreq(stem) >= kLoanwordMinPapers)
        return readings;
    const std::string skeleton = korean_skeleton(stem);
    if (skeleton_consonants(skeleton) < kMinQuerySkeleton) return {};
    for (const auto& english : synonyms_of(db_, loanword_skeleton_key(skeleton))) {
        readings.push_back(english);
        for (const auto& korean : synonyms_of(db_, loanword_key(english)))
            if (korean_skeleton(korean) == skeleton) readings.push_back(korean);  // not 토큰
    }
    return readings;
}

// The readings of a run of loanwords: every reading of one word, or of a
// two-word loanword (포인트 클라우드); else the phrase of the first readings
// of its words, when each has one.
std::vector<std::string> TextQueryBuilder::loanword_readings(
    const std::vector<std::string>& stems) const {
    if (stems.size() == 1) return loanword_readings(stems.front());
    std::string joined;
    for (const auto& stem : stems) joined += stem;
    if (auto readings = synonyms_of(db_, loanword_key(joined)); !readings.empty()) return readings;
    std::string phrase;
    for (const auto& stem : stems) {
        const auto readings = loanword_readings(stem);
        if (readings.empty()) return {};
        phrase += (phrase.empty() ? "" : " ") + readings.front();
    }
    return {phrase};
}

// The Korean readings of two English words learned as one loanword
// ("point cloud" -> 포인트클라우드).
std::vector<std::string> TextQueryBuilder::loanword_pair_readings(
    const std::vector<std::string>& stems) const {
    if (stems.size() != 2) return {};
    const auto pair = pair_term(stems[0], stems[1]);
    return pair ? synonyms_of(db_, loanword_key(*pair)) : std::vector<std::string>{};
}

}  // namespace papers
