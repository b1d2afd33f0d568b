// The shapes of digest lines, recognised one line at a time: headings, the
// title link, "Label: value" lines, media lines; and the values they carry
// (arXiv ids, dates, votes, authors). Hand-written matching, no regex: the
// parser runs over thousands of papers per second.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

struct Heading {
    int level = 0;          // number of '#'
    std::string_view text;  // after the hashes, trimmed
};

// "## Daily Papers (...)", "### [Title](url)", "###[Title](url)"; nullopt for
// other lines (including "#hashtag").
std::optional<Heading> parse_heading(std::string_view line);

struct TitleLink {
    std::string_view title;  // raw markdown between '[' and the link's ']'
    std::string_view url;
};

// "[Title](url)" where the title may hold brackets and parentheses: the link
// is the last "](" in the text. Nullopt if there is none.
std::optional<TitleLink> parse_title_link(std::string_view text);

// The arXiv id of an abstract/pdf/html URL, version suffix removed:
// http(s), www. or export. hosts, /abs/ /pdf/ /html/, "2409.16191v2",
// "cs/0101001", "math.GT/0309136v1". Nullopt for any other URL. The id is
// canonical_arxiv_id() of the URL's id part, so parser and index agree.
std::optional<std::string> arxiv_id_from_url(std::string_view url);

// First date in `text` as YYYY-MM-DD: 2024-09-25, 2024.09.25, 2024/9/25,
// 20240925, "Sep 25, 2024", "25 September 2024". "" if none.
std::string find_date(std::string_view text);

// Date from a digest path: ".../YYYY/MM/DD.md" or a name containing a date
// ("2024-09-25.md"). "" if none.
std::string date_from_path(std::string_view path);

// One line of a paper's body, classified.
struct BodyLine {
    enum class Kind { kBlank, kMedia, kVote, kAuthors, kSection, kText } kind = Kind::kBlank;
    std::string name;        // kSection: the section name, emphasis removed
    std::string_view value;  // kVote/kAuthors/kSection: after the label; kText: the line
};

// A top-level bullet or line with an emphasised label ("- **X**: v",
// "***X***:", "*X*:", "__X__:", "**X:**") opens a section; "Vote:" and
// "Authors:" lines (any emphasis) are fields; image-only lines, video links and
// lines of bare HTML tags are media; anything else is text.
BodyLine classify_body_line(std::string_view line);

// "28" -> 28; "-", "", "n/a" -> nullopt. "1,234" -> 1234.
std::optional<int> parse_votes(std::string_view value);

// "A, B, C" or "['A', "B"]" -> names, cleaned, repeats and "+" dropped.
std::vector<std::string> parse_authors(std::string_view value);

// A continuation line without indentation or its bullet marker ("- x" -> "x",
// "  * x" -> "x"); numbered items keep their number ("1. x").
std::string_view strip_list_marker(std::string_view line);

// The longest prefix of `text` of at most `max_bytes` that ends on a UTF-8
// boundary (a code point is never split).
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

// `text` shortened for a message (at most ~80 bytes, on a UTF-8 boundary).
std::string excerpt(std::string_view text);

}  // namespace papers
