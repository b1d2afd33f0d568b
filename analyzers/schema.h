// The index schema, declared once. Indexing (indexer/document_builder) and
// query parsing (query/query_parser) are both driven by this table, so a
// field cannot be indexed one way and searched another.
//
// Term prefixes follow Xapian's conventions (omega's termprefixes.rst):
// Q is the unique id, A the author, S the title (subject), X... our own.
// Free-text terms are also indexed without a prefix so that an unqualified
// query searches every text field.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace papers::schema {

// Value slots. Each is documented where it is declared.
enum Slot : Xapian::valueno {
    kSlotDate = 0,       // "YYYYMMDD", sorts as a string; date: ranges
    kSlotVotes = 1,      // Xapian::sortable_serialise(votes); votes: ranges, --sort votes
    kSlotVotePrior = 2,  // Xapian::sortable_serialise(log(1 + votes)); the ranking prior
};

// How a field's text becomes terms.
enum class Analysis {
    Text,     // the full analysis chain (analyzers/analyzer.h), with positions
    Author,   // Text, plus one exact name key per author (analyzers/author_name.h)
    Boolean,  // one exact term, no analysis (ids)
    Range,    // not terms: a value slot queried with a range
};

struct Field {
    std::string_view name;    // query syntax name: "title" in title:diffusion
    std::string_view prefix;  // term prefix
    Analysis analysis;
    Xapian::termcount wdf_inc;  // within-document frequency per occurrence (field weight)
    bool free_text;             // also indexed unprefixed, searched by bare words
    // The prefixed terms carry positions. A free-text field's words have
    // positions in their unprefixed copy anyway; the section fields are most
    // of the text, and positions twice were half the index (issue 5), so a
    // phrase within a section is matched on the unprefixed positions and
    // filtered by the section's terms (positional_term() below).
    bool positions;
    std::string_view description;  // for --help and the README
};

// Every field, in display order.
const std::vector<Field>& fields();

// The field whose query name is `name`, or nullptr.
const Field* find_field(std::string_view name);

// The field for a digest section name as written upstream ("What's New",
// "**Technical Details**", an unknown "Limitations"...). Unknown sections and
// plain bullets go to the generic "section" field.
const Field& field_for_section(std::string_view section_name);

// Terms and values not tied to a text field.
inline constexpr std::string_view kIdPrefix = "Q";           // Q2409.16191, unique per paper
inline constexpr std::string_view kAuthorKeyPrefix = "XAK";  // XAKge zhang: exact author key
inline constexpr std::string_view kDayPrefix = "D";          // D20240925
inline constexpr std::string_view kMonthPrefix = "M";        // M202409
inline constexpr std::string_view kYearPrefix = "Y";         // Y2024
// XG + "korean key\tenglish key\tkorean\tenglish": one boolean term per
// glossary pair a paper mentions, so a pair's paper count is its term
// frequency (analyzers/glossary.h has the key forms).
inline constexpr std::string_view kGlossaryPrefix = "XG";
// XV + n: the papers with at least n votes, for n = 1, 2, 4 ... kTopVoteBand.
// Nested bands let a search skip the papers whose votes cannot lift them
// into the page (query/vote_prior.h): at a million papers most of a common
// word's papers are never weighed.
inline constexpr std::string_view kVoteBandPrefix = "XV";
inline constexpr int kTopVoteBand = 1024;

// Metadata keys.
inline constexpr std::string_view kMetaSchemaVersion = "papers:schema";
inline constexpr std::string_view kMetaLastUpdate = "papers:updated";  // ISO-8601 UTC
inline constexpr std::string_view kMetaFilePrefix = "papers:file:";    // + absolute path
// Every paper's votes by document id, written with each commit
// (analyzers/vote_table.h); a search reads it in one lookup.
inline constexpr std::string_view kMetaVoteTable = "papers:votes";
// The same table as a file in the database's directory, written after each
// commit, that a search maps instead of reading the entry: it reads only the
// pages it needs (analyzers/vote_table.h).
inline constexpr std::string_view kVoteTableFile = "papers-votes";
// The spelling and synonym tables exported for remote readers, and a hash
// of the export (analyzers/lexicon_export.h), written with each commit.
inline constexpr std::string_view kMetaLexicon = "papers:lexicon";
inline constexpr std::string_view kMetaLexiconId = "papers:lexicon-id";
// 2: glossary terms and synonyms, the spelling table, and a position gap
// after an inflected Korean word. 3: no positions for the section fields'
// prefixed terms. 4: vote bands (XV). 5: Korean pairs. 6: word pairs, two
// words side by side also as one unprefixed term (analyzers/word_pairs.h).
// `papers update` rebuilds an index of another version; `papers index` asks
// for `papers rebuild`.
inline constexpr std::string_view kSchemaVersion = "6";

// True for a free-text term (indexed without a prefix). Prefixes are upper
// case and terms are case folded, so a term that starts with an upper-case
// letter belongs to a field, an id, an author key or a date.
inline bool is_free_text_term(std::string_view term) {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// Xapian synonyms (WritableDatabase::add_synonym), regenerated by every index
// run from the XG terms: for each learned pair, English key -> Korean key and
// Korean key -> English key, both in the analysed forms of analyzers/glossary.h;
// and for each word translation, kWordTranslationKey + English stem -> Korean
// stem.
inline constexpr std::string_view kWordTranslationKey = "~";

// The term whose positions stand for `term`'s in a phrase: `term` itself,
// or, for a field without positions, its unprefixed copy. Empty when the
// term has no positions at all (an id, an author key, a date).
std::string positional_term(std::string_view term);

std::string id_term(std::string_view arxiv_id);
std::string day_term(std::string_view iso_date);  // "2024-09-25" -> "D20240925"

// A term that only selects papers (a day, month or year, a vote band): it
// weighs nothing, and is neither highlighted nor explained.
bool is_filter_term(std::string_view term);

// The band of the papers with at least `threshold` votes (a power of two up
// to kTopVoteBand), and the band thresholds a paper with `votes` is in.
std::string vote_band_term(int threshold);
std::vector<int> vote_bands(int votes);

}  // namespace papers::schema
