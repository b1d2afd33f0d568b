// The other language's readings in a text query (query/text_query.h).

#include "analyzers/glossary.h"
#include "query/text_query_parts.h"

namespace papers {
namespace {

// The longest English glossary term tried, in words.
constexpr size_t kMaxGlossaryWords = 6;

}  // namespace

// The readings of a glossary key in the other language, weighted down: a
// Korean key as a compound (every spelling), an English one as a phrase.
// They are one term for weighing (OP_SYNONYM), which also spares the matcher
// an OR of phrases: a two-word query 45% faster at 100k papers.
Xapian::Query TextQueryBuilder::other_language(const std::vector<std::string>& readings,
                                               std::string_view prefix, double weight) const {
    std::vector<Xapian::Query> each;
    for (const auto& reading : readings) {
        if (is_korean_key(reading)) {
            each.push_back(korean_compound({reading}, prefix, Xapian::Query::OP_OR));
            continue;
        }
        std::vector<std::string> terms;
        for (const auto& word : split_words(reading)) terms.push_back(std::string(prefix) + word);
        if (!terms.empty()) each.push_back(phrase_of(terms));
    }
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, combine(Xapian::Query::OP_SYNONYM, each),
                         weight);
}

// How many English word units in [first, end) form the longest glossary key
// starting at `first` (0: none), with its readings.
size_t TextQueryBuilder::glossary_key_at(const std::vector<Unit>& units, size_t first, size_t end,
                                         std::vector<std::string>& readings) const {
    for (size_t last = end; last > first; --last) {
        std::string key;
        for (size_t i = first; i < last; ++i)
            for (const auto& stem : units[i].english_stems) key += (key.empty() ? "" : " ") + stem;
        readings = synonyms_of(db_, key);
        if (!readings.empty()) return last - first;
    }
    return 0;
}

// How many English word units from `first` on form the longest glossary key
// (0: none), with its readings. Two or more words the glossary does not hold,
// and none of which but the first starts a key of two words or more, are read
// word by word when every word has a reading: a one-word key, a word
// translation (analyzers/glossary.h) or a loanword. "speech recognition" -> the compound
// 음성인식, "knowledge graph" -> 지식그래프 (not 지식 and 그래프 anywhere in
// the paper). Keys of two words or more win: "diffusion reward model" is
// diffusion + "reward model".
size_t TextQueryBuilder::english_match(const std::vector<Unit>& units, size_t first,
                                       std::vector<std::string>& readings, double& weight) const {
    weight = kSynonymWeight;
    size_t end = first;
    while (end < units.size() && !units[end].english_stems.empty() &&
           end - first < kMaxGlossaryWords)
        ++end;
    const size_t key_length = glossary_key_at(units, first, end, readings);
    if (key_length > 1) return key_length;
    // Two English words learned as one loanword, typed apart (point cloud)
    // or as one term (meta-learning -> 메타러닝).
    std::vector<std::string> two = units[first].english_stems;
    if (two.size() == 1 && end - first >= 2 && units[first + 1].english_stems.size() == 1)
        two.push_back(units[first + 1].english_stems.front());
    const auto pair = loanword_pair_readings(two);
    const size_t pair_units = units[first].english_stems.size() == 2 ? 1 : 2;
    const std::vector<std::string> first_key = key_length ? readings : std::vector<std::string>{};
    std::string translated;
    size_t length = 0, words = 0;  // units read, and their English words
    for (size_t i = first; i < end; ++i) {
        std::vector<std::string> key;
        const size_t key_at = i > first ? glossary_key_at(units, i, end, key) : 0;
        if (key_at > 1) break;  // tuned: any key here, topic-tune 0.733 instead of 0.735
        if (i == first) key = first_key;
        std::string reading = key.empty() ? "" : key.front();
        for (const auto& stem : units[i].english_stems) {
            if (!key.empty()) break;
            auto words = synonyms_of(db_, word_translation_key(stem));
            if (words.empty()) words = loanword_readings(stem);
            if (words.empty()) {
                reading.clear();
                break;
            }
            reading += words.front();
        }
        if (reading.empty()) break;
        translated += reading;
        ++length;
        words += units[i].english_stems.size();
    }
    // Two words or more, typed apart or as one (byte-level -> 바이트수준),
    // and as a loanword of two (meta learning: 메타학습, 메타러닝).
    if (words >= 2) {
        readings = {translated};
        if (words == 2)
            for (const auto& reading : pair)
                if (reading != translated) readings.push_back(reading);
        return length;
    }
    if (!pair.empty()) {
        readings = pair;
        weight = kLoanwordWeight;
        return pair_units;
    }
    if (key_length) {
        readings = first_key;
        return key_length;
    }
    // One English word: its loanwords (analyzers/loanwords.h), if any.
    if (units[first].english_stems.size() != 1) return 0;
    readings = loanword_readings(units[first].english_stems);
    weight = kLoanwordWeight;
    return readings.empty() ? 0 : 1;
}

// A Korean run the glossary knows as a whole gains its English reading; else
// each stretch of two or more of its words the glossary knows (longest first,
// left to right) becomes a unit of its own with its reading, as does a word
// written as a compound of known words (강화학습 알고리즘 = 강화 학습 알고리즘).
void TextQueryBuilder::split_korean(Unit unit, std::string_view prefix,
                                    std::vector<Unit>& out) const {
    const std::vector<std::string> stems = unit.korean_stems;
    const auto key_of = [&](size_t from, size_t to) {
        std::string key;
        for (size_t i = from; i < to; ++i) key += stems[i];
        return key;
    };
    const auto with_reading = [&](Unit piece, const std::vector<std::string>& readings,
                                  double weight = kSynonymWeight) {
        if (!synonyms_) return piece;  // a glossary term, searched as typed
        const Xapian::Query reading = other_language(readings, prefix, weight);
        piece.synonym_terms = terms_of(reading);
        piece.query = Xapian::Query(Xapian::Query::OP_OR, piece.query, reading);
        return piece;
    };
    if (auto readings = synonyms_of(db_, key_of(0, stems.size())); !readings.empty()) {
        out.push_back(with_reading(korean_unit(stems, prefix, true), readings));
        return;
    }
    std::vector<Unit> pieces;
    size_t plain_from = 0;
    for (size_t from = 0; from < stems.size();) {
        size_t to = stems.size();
        std::vector<std::string> readings;
        for (; to > from; --to)
            if (to - from < stems.size() && (to - from >= 2 || is_compound(stems[from])) &&
                !(readings = synonyms_of(db_, key_of(from, to))).empty())
                break;
        if (readings.empty()) {
            ++from;
            continue;
        }
        if (plain_from < from)
            pieces.push_back(
                korean_unit({stems.begin() + plain_from, stems.begin() + from}, prefix));
        pieces.push_back(with_reading(
            korean_unit({stems.begin() + from, stems.begin() + to}, prefix, true), readings));
        from = plain_from = to;
    }
    if (pieces.empty()) {
        const auto readings = loanword_readings(stems);
        out.push_back(readings.empty() ? std::move(unit)
                                       : with_reading(std::move(unit), readings, kLoanwordWeight));
        return;
    }
    if (plain_from < stems.size())
        pieces.push_back(korean_unit({stems.begin() + plain_from, stems.end()}, prefix));
    for (auto& piece : pieces) out.push_back(std::move(piece));
}

std::vector<TextQueryBuilder::Unit> TextQueryBuilder::with_glossary(std::vector<Unit> units,
                                                                    std::string_view prefix) const {
    std::vector<Unit> out;
    for (size_t i = 0; i < units.size();) {
        std::vector<std::string> readings;
        double weight = kSynonymWeight;
        if (!synonyms_ && units[i].korean_stems.empty()) {
            out.push_back(std::move(units[i++]));  // English words: no readings to add
        } else if (const size_t count = english_match(units, i, readings, weight)) {
            Unit merged;
            std::vector<Xapian::Query> typed;
            for (size_t j = i; j < i + count; ++j) {
                typed.push_back(units[j].query);
                merged.phrase_terms.insert(merged.phrase_terms.end(), units[j].phrase_terms.begin(),
                                           units[j].phrase_terms.end());
            }
            const Xapian::Query reading = other_language(readings, prefix, weight);
            merged.synonym_terms = terms_of(reading);
            merged.query =
                Xapian::Query(Xapian::Query::OP_OR, combine(default_op(), typed), reading);
            out.push_back(std::move(merged));
            i += count;
        } else if (!units[i].korean_stems.empty()) {
            split_korean(std::move(units[i++]), prefix, out);
        } else {
            out.push_back(std::move(units[i++]));
        }
    }
    return out;
}

}  // namespace papers
