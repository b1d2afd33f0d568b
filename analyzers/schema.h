// The index format, declared once: the field table, every term prefix and
// value slot, the metadata keys, and the functions that make and recognise
// each term and value the index holds. The writer (indexer/) and the readers
// (query/) both go through this module, so that what one writes the other
// reads by construction. (The directory an index lives in is the other half
// of the format: analyzers/index_layout.h.)
//
// Term prefixes follow Xapian's conventions (omega's termprefixes.rst):
// Q is the unique id, A the author, S the title (subject), X... our own.
// Free-text terms are also indexed without a prefix so that an unqualified
// query searches every text field.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/calendar.h"
#include "analyzers/error.h"

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

// An error (kind IndexError) when `db` was written by another schema version
// (or, with no version at all, by the first one): its terms are not what
// this papers looks up, and only `papers rebuild` can help. `path` names the
// index in the message.
std::optional<Error> check_version(const Xapian::Database& db, const std::string& path);
// The schema version of `db` when it is not this one ("1" for none), else "".
std::string other_version(const Xapian::Database& db);

// What a term of the index is. Prefixes are upper case and terms are case
// folded, so a term's prefix is its leading capitals.
enum class TermKind {
    FreeText,   // no prefix: a word of any free-text field
    Field,      // a field's term (TermParts::field): a word, or an id
    AuthorKey,  // an exact author key (author_key_term)
    Filter,     // a day, month or year, or a vote band: selects, weighs nothing
    Other,      // a glossary pair, or a prefix of no kind above
};

struct TermParts {
    TermKind kind;
    const Field* field;     // for TermKind::Field, else nullptr
    std::string_view text;  // the term without its prefix
};

// The parts are views into `term`: keep it alive while they are used (a
// Xapian iterator's *it is a temporary).
TermParts classify_term(std::string_view term);

// True for a free-text term (indexed without a prefix).
bool is_free_text_term(std::string_view term);

// Xapian synonyms (WritableDatabase::add_synonym), regenerated by every index
// run from the XG terms: for each learned pair, English key -> Korean key and
// Korean key -> English key, both in the analysed forms of analyzers/glossary.h;
// and for each word translation, kWordTranslationKey + English stem -> Korean
// stem.
inline constexpr std::string_view kWordTranslationKey = "~";
// For each learned loanword (indexer/loanword_learner.h), kLoanwordKey +
// the Korean stem -> the English stem and kLoanwordKey + the English stem ->
// the Korean stem, and kLoanwordSkeletonKey + the consonant skeleton
// (analyzers/loanwords.h) -> the English stem, for the spellings of it the
// papers do not write. Keys of their own, so that a loanword does not cut a
// glossary key or a run of word translations short (query/text_query.h).
inline constexpr std::string_view kLoanwordKey = "^";
inline constexpr std::string_view kLoanwordSkeletonKey = "%";

// The term whose positions stand for `term`'s in a phrase: `term` itself,
// or, for a field without positions, its unprefixed copy. Empty when the
// term has no positions at all (an id, an author key, a date).
std::string positional_term(std::string_view term);

// Xapian refuses a term longer than this (and fails the whole commit).
inline constexpr size_t kMaxTermBytes = 245;

std::string id_term(std::string_view arxiv_id);
// The exact author term of an author key (analyzers/author_name.h):
// "ge zhang" -> "XAKge zhang".
std::string author_key_term(std::string_view key);

// The date slot's value of an ISO day: "2024-09-25" -> "20240925"; and back,
// the day a slot value names (nullopt: not a day).
std::string date_value(std::string_view iso_date);
std::optional<Day> day_of_date_value(std::string_view value);

// The day, month and year terms of a paper's ISO date ("2024-09-25" ->
// D20240925, M202409, Y2024); none unless it is a calendar day.
std::vector<std::string> date_terms(std::string_view iso_date);
// The fewest year, month and day terms that cover [first, last]: a date
// range is then a few postings lists, not a check of every match's date.
std::vector<std::string> date_range_terms(Day first, Day last);

// A term that only selects papers (a day, month or year, a vote band): it
// weighs nothing, and is neither highlighted nor explained.
bool is_filter_term(std::string_view term);

// The votes slot's value, and the vote prior, log(1 + votes), the ranking's
// votes half; votes_of_prior() inverts it.
std::string votes_value(double votes);
double votes_of_value(const std::string& value);
double vote_prior(double votes);
double votes_of_prior(double prior);
std::string vote_prior_value(int votes);
double vote_prior_of_value(const std::string& value);

// The band of the papers with at least `threshold` votes (a power of two up
// to kTopVoteBand); the band thresholds a paper with `votes` is in, smallest
// first; the largest threshold at or below `votes` (0: below every band).
std::string vote_band_term(int threshold);
std::vector<int> vote_bands(double votes);
int vote_band_of(double votes);

}  // namespace papers::schema
