#include "analyzers/schema.h"

#include <cmath>

namespace papers::schema {
namespace {

// The field table. Section fields are listed with the upstream section names
// they hold (kSectionNames below).
const std::vector<Field> kFields = {
    {"title", "S", Analysis::Text, 3, true, true, "paper title"},
    {"author", "A", Analysis::Author, 1, true, true,
     "author names; exact names via `papers author`"},
    {"whatsnew", "XN", Analysis::Text, 1, true, false, "the \"What's New\" section"},
    {"details", "XT", Analysis::Text, 1, true, false, "the \"Technical Details\" section"},
    {"highlights", "XP", Analysis::Text, 1, true, false, "the \"Performance Highlights\" section"},
    {"section", "XS", Analysis::Text, 1, true, false,
     "any other section, and plain summary bullets"},
    {"id", "Q", Analysis::Boolean, 0, false, false, "arXiv id, e.g. id:2409.16191"},
    {"date", "", Analysis::Range, 0, false, false, "digest day, e.g. date:2024-09-01..2024-09-30"},
    {"votes", "", Analysis::Range, 0, false, false, "Hugging Face votes, e.g. votes:50.."},
};

// Upstream section names, in the canonical form of canonical_section_name().
struct SectionName {
    std::string_view canonical;
    std::string_view field;
};
constexpr SectionName kSectionNames[] = {
    {"whats new", "whatsnew"},
    {"technical details", "details"},
    {"performance highlights", "highlights"},
};

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// "**What’s New**:" -> "whats new": ASCII letters and digits lower-cased,
// apostrophes (' and ’) dropped, every other run of punctuation, emphasis or
// space becomes one space, trimmed. Non-ASCII text is kept as is.
std::string canonical_section_name(std::string_view name) {
    std::string out;
    bool pending_space = false;
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (c == '\'') continue;
        if (name.compare(i, 3, "\u2019") == 0) {
            i += 2;
            continue;
        }
        if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else {
            pending_space = true;
        }
    }
    return out;
}

}  // namespace

const std::vector<Field>& fields() {
    return kFields;
}

const Field* find_field(std::string_view name) {
    for (const Field& f : kFields) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

// Only a whole name matches. Upstream has written "Technical Details -
// Related Work" and "What's New - Related Work": the qualifier says the text
// is related work, not what the field promises, so those go to "section"
// (still found by unqualified searches).
const Field& field_for_section(std::string_view section_name) {
    const std::string canonical = canonical_section_name(section_name);
    for (const SectionName& s : kSectionNames) {
        if (s.canonical == canonical) return *find_field(s.field);
    }
    return *find_field("section");
}

std::optional<Error> check_version(const Xapian::Database& db, const std::string& path) {
    const std::string version = other_version(db);
    if (version.empty()) return std::nullopt;
    return Error{ErrorKind::IndexError, path + ": made by another version of papers (schema " +
                                            version + ", this one reads schema " +
                                            std::string(kSchemaVersion) +
                                            "); run papers rebuild, or remove it and index again"};
}

// An index of the first schema wrote no version; a database nothing was
// written to yet has none either, and is of no version.
std::string other_version(const Xapian::Database& db) {
    const std::string version = db.get_metadata(std::string(kMetaSchemaVersion));
    if (version.empty()) return db.get_doccount() == 0 ? "" : "1";
    return version == kSchemaVersion ? "" : version;
}

TermParts classify_term(std::string_view term) {
    size_t length = 0;
    while (length < term.size() && term[length] >= 'A' && term[length] <= 'Z') ++length;
    const std::string_view prefix = term.substr(0, length);
    const std::string_view text = term.substr(length);
    if (prefix.empty()) return {TermKind::FreeText, nullptr, text};
    for (const Field& f : kFields)
        if (f.prefix == prefix) return {TermKind::Field, &f, text};
    if (prefix == kAuthorKeyPrefix) return {TermKind::AuthorKey, nullptr, text};
    const bool number = !text.empty() && text[0] >= '0' && text[0] <= '9';
    for (const std::string_view filter : {kDayPrefix, kMonthPrefix, kYearPrefix, kVoteBandPrefix})
        if (prefix == filter && number) return {TermKind::Filter, nullptr, text};
    return {TermKind::Other, nullptr, text};
}

bool is_free_text_term(std::string_view term) {
    return !term.empty() && classify_term(term).kind == TermKind::FreeText;
}

std::string positional_term(std::string_view term) {
    const TermParts parts = classify_term(term);
    if (parts.kind == TermKind::FreeText) return std::string(term);
    if (parts.kind != TermKind::Field) return "";
    if (parts.field->positions) return std::string(term);
    return parts.field->free_text ? std::string(parts.text) : "";
}

std::string id_term(std::string_view arxiv_id) {
    return std::string(kIdPrefix) + std::string(arxiv_id);
}

std::string author_key_term(std::string_view key) {
    return std::string(kAuthorKeyPrefix) + std::string(key);
}

std::string date_value(std::string_view iso_date) {
    std::string digits;
    for (char c : iso_date)
        if (c != '-') digits += c;
    return digits;
}

std::optional<Day> day_of_date_value(std::string_view value) {
    if (value.size() != 8) return std::nullopt;
    const std::string iso = std::string(value.substr(0, 4)) + "-" +
                            std::string(value.substr(4, 2)) + "-" + std::string(value.substr(6, 2));
    return parse_day(iso);
}

namespace {

// "Y2024", "M202409", "D20240925": the prefix and the first 4, 6 or 8
// digits of the day's date value.
std::string date_term(std::string_view prefix, Day day, size_t digits) {
    return std::string(prefix) + date_value(format_day(day)).substr(0, digits);
}

}  // namespace

std::vector<std::string> date_terms(std::string_view iso_date) {
    const auto day = parse_day(iso_date);
    if (!day) return {};
    return {date_term(kDayPrefix, *day, 8), date_term(kMonthPrefix, *day, 6),
            date_term(kYearPrefix, *day, 4)};
}

std::vector<std::string> date_range_terms(Day first, Day last) {
    std::vector<std::string> terms;
    for (Day day = first; !(last < day);) {
        const CivilDate c = civil_of(day);
        const Day year_end = day_from_civil({c.year, 12, 31});
        const Day month_end = day_from_civil(
            {c.year, c.month, static_cast<unsigned>(days_in_month(c.year, c.month))});
        if (c.month == 1 && c.day == 1 && !(last < year_end)) {
            terms.push_back(date_term(kYearPrefix, day, 4));
            day = next_day(year_end);
        } else if (c.day == 1 && !(last < month_end)) {
            terms.push_back(date_term(kMonthPrefix, day, 6));
            day = next_day(month_end);
        } else {
            terms.push_back(date_term(kDayPrefix, day, 8));
            day = next_day(day);
        }
    }
    return terms;
}

bool is_filter_term(std::string_view term) {
    return classify_term(term).kind == TermKind::Filter;
}

std::string votes_value(double votes) {
    return Xapian::sortable_serialise(votes);
}

double votes_of_value(const std::string& value) {
    return Xapian::sortable_unserialise(value);
}

double vote_prior(double votes) {
    return std::log1p(votes);
}

double votes_of_prior(double prior) {
    return std::expm1(prior);
}

std::string vote_prior_value(int votes) {
    return Xapian::sortable_serialise(vote_prior(votes));
}

double vote_prior_of_value(const std::string& value) {
    return Xapian::sortable_unserialise(value);
}

std::string vote_band_term(int threshold) {
    return std::string(kVoteBandPrefix) + std::to_string(threshold);
}

std::vector<int> vote_bands(double votes) {
    std::vector<int> bands;
    for (int threshold = 1; threshold <= kTopVoteBand && threshold <= votes; threshold *= 2)
        bands.push_back(threshold);
    return bands;
}

int vote_band_of(double votes) {
    const std::vector<int> bands = vote_bands(votes);
    return bands.empty() ? 0 : bands.back();
}

}  // namespace papers::schema
