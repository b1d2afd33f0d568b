#include "query/text_query.h"

#include <algorithm>
#include <set>

#include "analyzers/glossary.h"
#include "analyzers/korean_segmenter.h"
#include "analyzers/schema.h"
#include "analyzers/word_pairs.h"
#include "query/english_spellings.h"

namespace papers {

namespace {

// Spellings tried for one Korean compound.
constexpr size_t kMaxSplits = 16;
// A Korean run of up to this many words is one term (a compound).
constexpr size_t kWordsOfATerm = 2;
// What the whole run written as one compound adds, as a share of its weight.
constexpr double kRunAsCompoundWeight = 1.0;
// The most Korean words read as one compound, and the longest compound (in
// syllables) whose splits are looked for: the splits of n syllables cost
// n^2 lookups, the glossary keys of a run of n words n^3 bytes. Longer runs
// are read as several compounds.
constexpr size_t kMaxCompoundWords = 6;
constexpr size_t kMaxSplitSyllables = 24;
// The longest English glossary term tried, in words.
constexpr size_t kMaxGlossaryWords = 6;

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

// The length of a term's field prefix: its leading capitals.
size_t prefix_length(const std::string& term) {
    size_t length = 0;
    while (length < term.size() && term[length] >= 'A' && term[length] <= 'Z') ++length;
    return length;
}

// The pairs (analyzers/word_pairs.h) that stand for the words of a phrase,
// which are unprefixed terms; empty when two neighbours do not pair.
std::vector<std::string> pairs_of(const std::vector<std::string>& words) {
    std::vector<std::string> pairs;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        auto pair = pair_term(words[i], words[i + 1]);
        if (!pair) return {};
        pairs.push_back(std::move(*pair));
    }
    return pairs;
}

// A phrase of field terms, looked up as the index holds it: two words as
// their pair, more as a phrase of their pairs, words that do not pair
// (Korean next to English) as a phrase of positions. Pairs and a section
// field's positions are in the unprefixed terms, so a field's phrase is
// the field's words filtered by the phrase anywhere in the paper: close,
// though the phrase could stand in another field.
Xapian::Query phrase_of(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms.front());
    const size_t prefix = prefix_length(terms.front());
    std::vector<std::string> words;
    for (const auto& term : terms)
        if (prefix_length(term) == prefix) words.push_back(term.substr(prefix));
    const std::vector<std::string> pairs =
        words.size() == terms.size() ? pairs_of(words) : std::vector<std::string>();
    Xapian::Query phrase;
    if (pairs.size() == 1) {
        phrase = Xapian::Query(pairs.front());
    } else if (!pairs.empty()) {
        phrase = Xapian::Query(Xapian::Query::OP_PHRASE, pairs.begin(), pairs.end(), pairs.size());
    } else {
        std::vector<std::string> positional;
        for (const auto& term : terms) positional.push_back(schema::positional_term(term));
        phrase = Xapian::Query(Xapian::Query::OP_PHRASE, positional.begin(), positional.end(),
                               positional.size());
        if (positional == terms) return phrase;
    }
    if (prefix == 0) return phrase;
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()), phrase);
}

// The other language's readings of a glossary key (analyzers/glossary.h).
std::vector<std::string> synonyms_of(const Xapian::Database& db, const std::string& key) {
    return {db.synonyms_begin(key), db.synonyms_end(key)};
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    for (size_t start = 0; start <= text.size();) {
        const size_t end = std::min(text.find(' ', start), text.size());
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

std::vector<std::string> terms_of(const Xapian::Query& query) {
    return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

bool is_ascii(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

size_t code_points(const std::string& text) {
    size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

}  // namespace

struct TextQueryBuilder::Unit {
    Xapian::Query query;
    std::vector<std::string> phrase_terms;  // the unit's terms in order, for phrases
    std::vector<std::string> korean_stems;  // set when the unit is a Korean run
    // Set when the unit is an English word: its stem, or the two of a word
    // written with a hyphen or joined (query/english_spellings.h).
    std::vector<std::string> english_stems;
    std::string english_word;                // a single English word as typed (normalised)
    std::string typed_term;                  // the word as typed, when its terms are others
    uint32_t start = 0, end = 0;             // its bytes in the text (single English words only)
    std::vector<std::string> synonym_terms;  // terms of its glossary reading, if any
    Xapian::Query boost;                     // ranks a paper up, matches none
};

TextQueryBuilder::TextQueryBuilder(const Analyzer& analyzer, const Xapian::Database& db,
                                   Strictness strictness, bool synonyms)
    : analyzer_(analyzer), db_(db), strictness_(strictness), synonyms_(synonyms) {}

bool TextQueryBuilder::known(const std::string& term) const {
    return db_.term_exists(term);
}

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

// Drops the words beyond kMaxQueryWords of the whole query; a compound's
// parts (which follow it, inside its byte range) go with it.
void TextQueryBuilder::keep_allowed_words(std::vector<Term>& terms) const {
    const Term* compound = nullptr;
    const auto is_part = [&](const Term& term) {
        if (term.kind == TermKind::Compound) {
            compound = &term;
            return false;
        }
        return compound && term.start >= compound->start && term.end <= compound->end;
    };
    size_t kept = 0;
    for (; kept < terms.size(); ++kept) {
        if (is_part(terms[kept])) continue;
        if (words_used_ == kMaxQueryWords) break;
        ++words_used_;
    }
    for (size_t i = kept; i < terms.size(); ++i) words_left_out_ += !is_part(terms[i]);
    terms.resize(kept);
}

std::vector<TextQueryBuilder::Unit> TextQueryBuilder::units(std::string_view text,
                                                            std::string_view prefix) const {
    std::vector<Term> terms = analyzer_.analyze(text);
    keep_allowed_words(terms);
    const std::string pre(prefix);
    std::vector<Unit> out;
    for (size_t i = 0; i < terms.size();) {
        const Term& term = terms[i];
        if (term.kind == TermKind::Compound) {
            // Its parts follow, inside its byte range.
            std::vector<std::string> parts;
            std::vector<std::string> stems;
            size_t j = i + 1;
            for (; j < terms.size() && terms[j].start >= term.start && terms[j].end <= term.end;
                 ++j) {
                if (terms[j].kind != TermKind::Compound) parts.push_back(pre + terms[j].text);
                if (terms[j].kind == TermKind::Word) stems.push_back(terms[j].text);
            }
            if (stems.size() == 2 && parts.size() == 2) {
                // fine-tuning: also finetuning, and the words of fine tuning.
                const auto joined = joined_term(analyzer_, terms[i + 1].word, terms[j - 1].word);
                out.push_back(two_words(stems, pre + term.text, joined, prefix));
                i = j;
                continue;
            }
            Unit unit;
            unit.phrase_terms = parts.empty() ? std::vector<std::string>{pre + term.text} : parts;
            unit.query = Xapian::Query(pre + term.text);
            if (!parts.empty())
                unit.query =
                    Xapian::Query(Xapian::Query::OP_OR, unit.query, phrase_of(unit.phrase_terms));
            out.push_back(std::move(unit));
            i = j;
        } else if (term.kind == TermKind::Hangul) {
            std::vector<std::string> stems;
            size_t j = i;
            do {
                stems.push_back(terms[j].text);
                ++j;
            } while (j < terms.size() && stems.size() < kMaxCompoundWords &&
                     is_korean_pair(text, terms[j - 1], terms[j]));
            out.push_back(korean_unit(stems, prefix));
            i = j;
        } else {
            const auto split = term.kind == TermKind::Word
                                   ? split_word(analyzer_, db_, term.word, term.text)
                                   : std::nullopt;
            Unit unit;
            if (split) {
                // finetuning: also fine-tuning and fine tuning side by side.
                unit =
                    two_words({split->first, split->second}, pre + term.text, std::nullopt, prefix);
            } else {
                if (term.kind == TermKind::Word) {
                    unit.english_stems = {term.text};
                    unit.english_word = term.word;
                }
                unit.phrase_terms = {pre + term.text};
                unit.query = Xapian::Query(unit.phrase_terms.front());
            }
            unit.start = term.start;
            unit.end = term.end;
            out.push_back(std::move(unit));
            ++i;
        }
    }
    join_english_neighbours(text, out, prefix);
    return out;
}

// A word written as two English words (fine-tuning, finetuning), found in
// any of its spellings: as typed (`whole`), the two side by side (their
// pair, which a hyphen also makes), or `joined` into one word.
TextQueryBuilder::Unit TextQueryBuilder::two_words(const std::vector<std::string>& stems,
                                                   const std::string& whole,
                                                   const std::optional<std::string>& joined,
                                                   std::string_view prefix) const {
    Unit unit;
    unit.typed_term = whole;
    unit.english_stems = stems;
    for (const auto& stem : stems) unit.phrase_terms.push_back(std::string(prefix) + stem);
    std::vector<Xapian::Query> spellings{Xapian::Query(whole), phrase_of(unit.phrase_terms)};
    if (joined && known(std::string(prefix) + *joined))
        spellings.emplace_back(std::string(prefix) + *joined);
    unit.query = combine(Xapian::Query::OP_SYNONYM, spellings);
    return unit;
}

// Two English words typed apart, each also found as the word they make
// written together, where the index has it: fine tuning finds finetuning,
// gpt 4 finds gpt4. Like a Korean word and its neighbour (korean_unit),
// either spelling is one concept for weighing.
void TextQueryBuilder::join_english_neighbours(std::string_view text, std::vector<Unit>& units,
                                               std::string_view prefix) const {
    for (size_t i = 0; i + 1 < units.size(); ++i) {
        Unit& first = units[i];
        Unit& second = units[i + 1];
        if (first.english_word.empty() || second.english_word.empty() ||
            !only_spaces_between(text, first.end, second.start))
            continue;
        const auto joined = joined_term(analyzer_, first.english_word, second.english_word);
        if (!joined || !known(std::string(prefix) + *joined)) continue;
        const Xapian::Query written_together(std::string(prefix) + *joined);
        first.query = Xapian::Query(Xapian::Query::OP_SYNONYM, first.query, written_together);
        second.query = Xapian::Query(Xapian::Query::OP_SYNONYM, second.query, written_together);
    }
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
    if (each.size() > 1 && strictness_ != Strictness::AnyWord)
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

// The readings of a glossary key in the other language, weighted down: a
// Korean key as a compound (every spelling), an English one as a phrase.
// They are one term for weighing (OP_SYNONYM), which also spares the matcher
// an OR of phrases: a two-word query 45% faster at 100k papers.
Xapian::Query TextQueryBuilder::other_language(const std::vector<std::string>& readings,
                                               std::string_view prefix) const {
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
                         kSynonymWeight);
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
// and none of which starts a key, are read word by word when every word has
// a translation (analyzers/glossary.h): "speech recognition" -> the compound
// 음성인식. Keys win: "diffusion reward model" is diffusion + "reward model".
size_t TextQueryBuilder::english_match(const std::vector<Unit>& units, size_t first,
                                       std::vector<std::string>& readings) const {
    size_t end = first;
    while (end < units.size() && !units[end].english_stems.empty() &&
           end - first < kMaxGlossaryWords)
        ++end;
    if (const size_t length = glossary_key_at(units, first, end, readings)) return length;
    std::string translated;
    size_t length = 0;
    for (size_t i = first; i < end; ++i) {
        std::vector<std::string> unused;
        if (i > first && glossary_key_at(units, i, end, unused)) break;
        std::string reading;
        for (const auto& stem : units[i].english_stems) {
            const auto words = synonyms_of(db_, word_translation_key(stem));
            if (words.empty()) {
                reading.clear();
                break;
            }
            reading += words.front();
        }
        if (reading.empty()) break;
        translated += reading;
        ++length;
    }
    if (length < 2) return 0;
    readings = {translated};
    return length;
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
    const auto with_reading = [&](Unit piece, const std::vector<std::string>& readings) {
        if (!synonyms_) return piece;  // a glossary term, searched as typed
        const Xapian::Query reading = other_language(readings, prefix);
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
        out.push_back(std::move(unit));
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
        if (!synonyms_ && units[i].korean_stems.empty()) {
            out.push_back(std::move(units[i++]));  // English words: no readings to add
        } else if (const size_t count = english_match(units, i, readings)) {
            Unit merged;
            std::vector<Xapian::Query> typed;
            for (size_t j = i; j < i + count; ++j) {
                typed.push_back(units[j].query);
                merged.phrase_terms.insert(merged.phrase_terms.end(), units[j].phrase_terms.begin(),
                                           units[j].phrase_terms.end());
            }
            const Xapian::Query reading = other_language(readings, prefix);
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

void TextQueryBuilder::note_origins(const Xapian::Query& query,
                                    const std::vector<Unit>& units) const {
    std::set<std::string> typed, synonym, noted;
    for (const auto& unit : units) {
        typed.insert(unit.phrase_terms.begin(), unit.phrase_terms.end());
        if (!unit.typed_term.empty()) typed.insert(unit.typed_term);
        synonym.insert(unit.synonym_terms.begin(), unit.synonym_terms.end());
    }
    for (const auto& origin : origins_) noted.insert(origin.term);
    for (const auto& term : terms_of(query)) {
        if (!noted.insert(term).second) continue;
        // A Korean pair is the compound's joined spelling.
        const TermOrigin origin = typed.count(term)            ? TermOrigin::Typed
                                  : synonym.count(term)        ? TermOrigin::Synonym
                                  : is_english_pair_term(term) ? TermOrigin::WordPair
                                  : is_ascii(term)             ? TermOrigin::EnglishVariant
                                                               : TermOrigin::KoreanVariant;
        origins_.push_back({term, origin});
    }
}

// Runs of two or more English words as phrases: "text generation" ranks
// the papers saying it above those with "text" here and "generation" there.
Xapian::Query TextQueryBuilder::english_phrases(const std::vector<Unit>& typed) const {
    std::vector<Xapian::Query> phrases;
    for (size_t i = 0; i < typed.size();) {
        size_t end = i;
        std::vector<std::string> terms;
        while (end < typed.size() && !typed[end].english_stems.empty()) {
            terms.insert(terms.end(), typed[end].phrase_terms.begin(),
                         typed[end].phrase_terms.end());
            ++end;
        }
        if (end - i >= 2) phrases.push_back(phrase_of(terms));
        i = std::max(end, i + 1);
    }
    return combine(Xapian::Query::OP_OR, phrases);
}

Xapian::Query TextQueryBuilder::words(std::string_view text, std::string_view prefix) const {
    std::vector<Unit> typed = units(text, prefix);
    const Xapian::Query phrases = english_phrases(typed);
    const std::vector<Unit> expanded = with_glossary(std::move(typed), prefix);
    std::vector<Xapian::Query> queries, boosts;
    if (!phrases.empty()) boosts.push_back(phrases);
    for (const auto& unit : expanded) {
        queries.push_back(unit.query);
        if (!unit.boost.empty()) boosts.push_back(unit.boost);
    }
    Xapian::Query query = combine(default_op(), queries);
    // One AND_MAYBE at the top: nested in an AND, Xapian 1.4.22 let a paper
    // through the AND_NOT of the partial matches (a duplicate hit).
    if (!boosts.empty())
        query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                              combine(Xapian::Query::OP_OR, boosts));
    note_origins(query, expanded);
    return query;
}

Xapian::Query TextQueryBuilder::phrase(std::string_view text, std::string_view prefix) const {
    const std::vector<Unit> parts = units(text, prefix);
    // A Korean phrase is a compound, whatever the strictness.
    if (parts.size() == 1 && !parts.front().korean_stems.empty())
        return korean_compound(parts.front().korean_stems, prefix);
    if (parts.size() == 1) return parts.front().query;
    std::vector<std::string> terms;
    for (const auto& unit : parts)
        terms.insert(terms.end(), unit.phrase_terms.begin(), unit.phrase_terms.end());
    if (terms.empty()) return Xapian::Query();
    return phrase_of(terms);
}

}  // namespace papers
