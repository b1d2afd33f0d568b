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
    Xapian::termcount wdf_inc;     // within-document frequency per occurrence (field weight)
    bool free_text;                // also indexed unprefixed, searched by bare words
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

// Metadata keys.
inline constexpr std::string_view kMetaSchemaVersion = "papers:schema";
inline constexpr std::string_view kMetaLastUpdate = "papers:updated";  // ISO-8601 UTC
inline constexpr std::string_view kMetaFilePrefix = "papers:file:";    // + absolute path
inline constexpr std::string_view kSchemaVersion = "1";

// True for a free-text term (indexed without a prefix). Prefixes are upper
// case and terms are case folded, so a term that starts with an upper-case
// letter belongs to a field, an id, an author key or a date.
inline bool is_free_text_term(std::string_view term) {
    return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

std::string id_term(std::string_view arxiv_id);
std::string day_term(std::string_view iso_date);  // "2024-09-25" -> "D20240925"

}  // namespace papers::schema
