#include "analyzers/schema.h"

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

std::string positional_term(std::string_view term) {
    if (is_free_text_term(term)) return std::string(term);
    size_t prefix_length = 0;  // prefixes are the leading capitals (is_free_text_term)
    while (prefix_length < term.size() && term[prefix_length] >= 'A' && term[prefix_length] <= 'Z')
        ++prefix_length;
    const std::string_view prefix = term.substr(0, prefix_length);
    for (const Field& f : kFields) {
        if (f.prefix.empty() || f.prefix != prefix) continue;
        if (f.positions) return std::string(term);
        if (f.free_text) return std::string(term.substr(prefix_length));
    }
    return "";
}

std::string id_term(std::string_view arxiv_id) {
    std::string term(kIdPrefix);
    term += arxiv_id;
    return term;
}

bool is_filter_term(std::string_view term) {
    for (const std::string_view prefix : {kDayPrefix, kMonthPrefix, kYearPrefix, kVoteBandPrefix})
        if (term.size() > prefix.size() && term.substr(0, prefix.size()) == prefix &&
            term[prefix.size()] >= '0' && term[prefix.size()] <= '9')
            return true;
    return false;
}

std::string vote_band_term(int threshold) {
    return std::string(kVoteBandPrefix) + std::to_string(threshold);
}

std::vector<int> vote_bands(int votes) {
    std::vector<int> bands;
    for (int threshold = 1; threshold <= kTopVoteBand && threshold <= votes; threshold *= 2)
        bands.push_back(threshold);
    return bands;
}

std::string day_term(std::string_view iso_date) {
    std::string term(kDayPrefix);
    for (char c : iso_date) {
        if (c != '-') term += c;
    }
    return term;
}

}  // namespace papers::schema
