#include "indexer/digest_lines.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_set>

#include "analyzers/arxiv_id.h"
#include "analyzers/calendar.h"
#include "indexer/markdown_text.h"
#include "indexer/python_literal.h"

namespace papers {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}
bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

size_t count_digits(std::string_view s, size_t i) {
    size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    return j - i;
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// ---- dates -----------------------------------------------------------------

std::string format_date(int y, int m, int d) {
    if (y < 1900 || y > 2200 || !is_calendar_date(y, m, d)) return "";
    char buf[32];  // sized for any int, which keeps -Wformat-truncation quiet
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// After a year or month: "-", ".", "/" or a Korean unit ("년", "월") with spaces.
size_t skip_date_separator(std::string_view s, size_t j) {
    if (j < s.size() && (s[j] == '-' || s[j] == '.' || s[j] == '/')) return j + 1;
    while (j < s.size() && s[j] == ' ') ++j;
    if (!starts_with(s.substr(j), "\xEB\x85\x84") && !starts_with(s.substr(j), "\xEC\x9B\x94"))
        return std::string_view::npos;
    j += 3;
    while (j < s.size() && s[j] == ' ') ++j;
    return j;
}

// A numeric date starting at s[i] (a digit run of 4 or 8), or "".
std::string numeric_date_at(std::string_view s, size_t i) {
    const size_t n = count_digits(s, i);
    if (n == 8) {
        const std::string_view d = s.substr(i, 8);
        return format_date(to_int(d.substr(0, 4)), to_int(d.substr(4, 2)), to_int(d.substr(6)));
    }
    if (n != 4) return "";
    size_t j = skip_date_separator(s, i + 4);
    const size_t month_len = j == std::string_view::npos ? 0 : count_digits(s, j);
    if (month_len < 1 || month_len > 2) return "";
    const size_t k = skip_date_separator(s, j + month_len);
    const size_t day_len = k == std::string_view::npos ? 0 : count_digits(s, k);
    if (day_len < 1 || day_len > 2) return "";
    return format_date(to_int(s.substr(i, 4)), to_int(s.substr(j, month_len)),
                       to_int(s.substr(k, day_len)));
}

int month_number(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (word.size() < 3) return 0;
    for (size_t m = 0; m < kMonths.size(); ++m)
        if (word.size() <= kMonths[m].size() && iequals(word, kMonths[m].substr(0, word.size())))
            return static_cast<int>(m + 1);
    return 0;
}

// "25", "25th" -> 25; else 0.
int day_number(std::string_view word) {
    const size_t n = count_digits(word, 0);
    if (n < 1 || n > 2) return 0;
    const std::string_view suffix = word.substr(n);
    if (!suffix.empty() && !iequals(suffix, "st") && !iequals(suffix, "nd") &&
        !iequals(suffix, "rd") && !iequals(suffix, "th"))
        return 0;
    return to_int(word.substr(0, n));
}

int year_number(std::string_view word) {
    return word.size() == 4 && count_digits(word, 0) == 4 ? to_int(word) : 0;
}

// "Sep 25, 2024" or "25 September 2024".
std::string month_name_date(std::string_view s) {
    std::vector<std::string_view> words;
    for (size_t i = 0; i < s.size();) {
        size_t j = i;
        while (j < s.size() && (is_alpha(s[j]) || is_digit(s[j]))) ++j;
        if (j > i) words.push_back(s.substr(i, j - i));
        i = j == i ? i + 1 : j;
    }
    for (size_t k = 0; k < words.size(); ++k) {
        const int m = month_number(words[k]);
        if (m == 0) continue;
        if (k + 2 < words.size() && day_number(words[k + 1]) && year_number(words[k + 2]))
            return format_date(year_number(words[k + 2]), m, day_number(words[k + 1]));
        if (k >= 1 && k + 1 < words.size() && day_number(words[k - 1]) && year_number(words[k + 1]))
            return format_date(year_number(words[k + 1]), m, day_number(words[k - 1]));
    }
    return "";
}

// ---- labels ----------------------------------------------------------------

struct Label {
    std::string name;
    std::string_view rest;
};

// "**X**: rest", "***X***: rest", "*X*: rest", "__X__: rest", "**X:** rest".
std::optional<Label> emphasized_label(std::string_view s) {
    if (s.empty() || (s[0] != '*' && s[0] != '_')) return std::nullopt;
    const char ch = s[0];
    size_t n = 0;
    while (n < s.size() && s[n] == ch) ++n;
    if (n > 3) return std::nullopt;
    const size_t close = s.find(std::string(n, ch), n);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inner = trim(s.substr(n, close - n));
    std::string_view rest = s.substr(close + n);
    if (!inner.empty() && inner.back() == ':') {
        inner.remove_suffix(1);
    } else {
        rest = trim(rest);
        if (starts_with(rest, ":")) {
            rest.remove_prefix(1);
        } else if (starts_with(rest, "\xEF\xBC\x9A")) {  // fullwidth colon
            rest.remove_prefix(3);
        } else {
            return std::nullopt;
        }
    }
    std::string name = clean_inline(inner);
    if (name.empty() || name.size() > 100) return std::nullopt;
    return Label{std::move(name), trim(rest)};
}

// "Vote: 28": a short ASCII word before the colon.
std::optional<Label> plain_label(std::string_view s) {
    const size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 24) return std::nullopt;
    for (size_t i = 0; i < colon; ++i)
        if (!is_alpha(s[i]) && s[i] != ' ') return std::nullopt;
    return Label{std::string(trim(s.substr(0, colon))), trim(s.substr(colon + 1))};
}

BodyLine::Kind field_kind(std::string_view name) {
    for (std::string_view v : {"vote", "votes", "upvote", "upvotes"})
        if (iequals(name, v)) return BodyLine::Kind::kVote;
    for (std::string_view a : {"author", "authors"})
        if (iequals(name, a)) return BodyLine::Kind::kAuthors;
    return BodyLine::Kind::kSection;
}

// Line-only images ("![](thumb.png)", "[![](x)](y)") and video links.
bool is_media_line(std::string_view s) {
    if (s.empty() || s.back() != ')') return false;
    if (starts_with(s, "![") || starts_with(s, "[![")) return true;
    if (s[0] != '[') return false;
    const auto link = parse_title_link(s);
    if (!link) return false;
    std::string url(trim(link->url));
    for (char& c : url) c = lower(c);
    for (std::string_view ext : {".mp4", ".webm", ".mov", ".gif", ".png", ".jpg", ".jpeg"})
        if (ends_with(url, ext)) return true;
    return iequals(trim(link->title), "watch video");
}

size_t indent_width(std::string_view line) {
    size_t width = 0;
    for (char c : line) {
        if (c == ' ') {
            ++width;
        } else if (c == '\t') {
            width += 4;
        } else {
            break;
        }
    }
    return width;
}

// "- x", "* x", "+ x" -> "x"; nullopt if not a bullet.
std::optional<std::string_view> bullet_item(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
        (s[1] == ' ' || s[1] == '\t'))
        return trim(s.substr(2));
    if (s == "-" || s == "*" || s == "+") return std::string_view();
    return std::nullopt;
}

}  // namespace

std::optional<Heading> parse_heading(std::string_view line) {
    const std::string_view s = trim(line);
    if (indent_width(line) > 3 || s.empty() || s[0] != '#') return std::nullopt;
    size_t level = 0;
    while (level < s.size() && s[level] == '#') ++level;
    if (level > 6) return std::nullopt;
    if (level < s.size() && s[level] != ' ' && s[level] != '\t' && s[level] != '[')
        return std::nullopt;
    return Heading{static_cast<int>(level), trim(s.substr(level))};
}

std::optional<TitleLink> parse_title_link(std::string_view text) {
    text = trim(text);
    if (text.empty() || text[0] != '[') return std::nullopt;
    const size_t mid = text.rfind("](");
    if (mid == std::string_view::npos) return std::nullopt;
    int depth = 1;  // URLs may hold balanced parentheses
    size_t end = mid + 2;
    for (; end < text.size(); ++end) {
        if (text[end] == '(') ++depth;
        if (text[end] == ')' && --depth == 0) break;
    }
    if (end >= text.size()) return std::nullopt;
    std::string_view url = trim(text.substr(mid + 2, end - mid - 2));
    url = url.substr(0, url.find_first_of(" \t"));  // drop a "tooltip"
    return TitleLink{text.substr(1, mid - 1), url};
}

std::optional<std::string> arxiv_id_from_url(std::string_view url) {
    url = trim(url);
    if (starts_with(url, "<") && ends_with(url, ">")) url = url.substr(1, url.size() - 2);
    for (std::string_view scheme : {"https://", "http://", "//"})
        if (istarts_with(url, scheme)) {
            url.remove_prefix(scheme.size());
            break;
        }
    const size_t slash = url.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const std::string_view host = url.substr(0, slash);
    if (!iequals(host, "arxiv.org") &&
        !(host.size() > 10 && iequals(host.substr(host.size() - 10), ".arxiv.org")))
        return std::nullopt;
    std::string_view path = url.substr(slash);
    std::string_view id;
    for (std::string_view kind : {"/abs/", "/pdf/", "/html/"})
        if (starts_with(path, kind)) id = path.substr(kind.size());
    // Trailing "/", ".pdf" and the version go the way the index keys ids.
    const std::string canonical = canonical_arxiv_id(id.substr(0, id.find_first_of("?#")));
    const std::string_view c = canonical;
    // New style: 0704.0001 .. 2409.16191.
    if (count_digits(c, 0) == 4 && c.size() >= 9 && c.size() <= 10 && c[4] == '.' &&
        count_digits(c, 5) == c.size() - 5)
        return canonical;
    // Old style: archive(.SUBJ)/YYMMNNN; the longest archive name is
    // cond-mat.stat-mech, and an id must fit in a Xapian term.
    constexpr size_t kMaxArchiveName = 32;
    const size_t sep = c.find('/');
    if (sep == std::string_view::npos || sep == 0 || sep > kMaxArchiveName ||
        c.size() - sep - 1 != 7 || count_digits(c, sep + 1) != 7)
        return std::nullopt;
    for (size_t i = 0; i < sep; ++i)
        if (!is_alpha(c[i]) && c[i] != '-' && c[i] != '.') return std::nullopt;
    return canonical;
}

std::string find_date(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        if (!is_digit(text[i]) || (i > 0 && is_digit(text[i - 1]))) continue;
        std::string date = numeric_date_at(text, i);
        if (!date.empty()) return date;
    }
    return month_name_date(text);
}

std::string date_from_path(std::string_view path) {
    std::vector<std::string_view> parts;
    for (size_t i = 0; i <= path.size();) {
        const size_t j = std::min(path.find_first_of("/\\", i), path.size());
        parts.push_back(path.substr(i, j - i));
        i = j + 1;
    }
    std::string_view stem = parts.back();
    stem = stem.substr(0, stem.rfind('.'));
    std::string date = find_date(stem);
    if (!date.empty() || parts.size() < 3) return date;
    const std::string_view year = parts[parts.size() - 3], month = parts[parts.size() - 2];
    if (year_number(year) == 0 || count_digits(month, 0) != month.size() || month.size() > 2 ||
        day_number(stem) == 0 || count_digits(stem, 0) != stem.size())
        return "";
    return format_date(year_number(year), to_int(month), day_number(stem));
}

BodyLine classify_body_line(std::string_view line) {
    const std::string_view content = trim(line);
    if (content.empty()) return {BodyLine::Kind::kBlank, "", ""};
    if (indent_width(line) >= 2) return {BodyLine::Kind::kText, "", line};
    const auto item = bullet_item(content);
    const std::string_view s = item ? *item : content;
    if (auto label = emphasized_label(s)) {
        const BodyLine::Kind kind = field_kind(label->name);
        return {kind, kind == BodyLine::Kind::kSection ? std::move(label->name) : "", label->rest};
    }
    if (!item) {
        if (const auto label = plain_label(s);
            label && field_kind(label->name) != BodyLine::Kind::kSection)
            return {field_kind(label->name), "", label->rest};
        if (is_media_line(s)) return {BodyLine::Kind::kMedia, "", ""};
    }
    return {BodyLine::Kind::kText, "", line};
}

std::optional<int> parse_votes(std::string_view value) {
    const std::string v = clean_inline(value);
    long n = 0;
    size_t digits = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        if (is_digit(v[i])) {
            n = n * 10 + (v[i] - '0');
            if (++digits > 9) return std::nullopt;
        } else if (!(v[i] == ',' && digits > 0 && count_digits(v, i + 1) == 3)) {
            break;
        }
    }
    if (digits == 0) return std::nullopt;
    return static_cast<int>(n);
}

std::vector<std::string> parse_authors(std::string_view value) {
    value = trim(value);
    std::vector<std::string> raw;
    if (auto items = python_literal_lines(value)) {
        raw = std::move(*items);
    } else {
        if (starts_with(value, "[")) value.remove_prefix(1);
        if (ends_with(value, "]")) value.remove_suffix(1);
        for (size_t i = 0; i <= value.size();) {
            const size_t j = std::min(value.find(',', i), value.size());
            std::string_view piece = trim(value.substr(i, j - i));
            if (piece.size() >= 2 && (piece[0] == '\'' || piece[0] == '"') &&
                piece.back() == piece[0])
                piece = piece.substr(1, piece.size() - 2);
            raw.emplace_back(piece);
            i = j + 1;
        }
    }
    std::vector<std::string> authors;
    std::unordered_set<std::string> seen;
    for (const std::string& r : raw) {
        std::string name = clean_inline(r);
        bool has_word_char = false;  // drops upstream's "+" (more authors)
        for (char c : name)
            has_word_char |= is_alpha(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
        if (has_word_char && seen.insert(name).second) authors.push_back(std::move(name));
    }
    return authors;
}

std::string_view strip_list_marker(std::string_view line) {
    const std::string_view s = trim(line);
    const auto item = bullet_item(s);
    return item ? *item : s;
}

std::string_view utf8_prefix(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

std::string excerpt(std::string_view text) {
    constexpr size_t kMax = 80;
    if (text.size() <= kMax) return std::string(text);
    return std::string(utf8_prefix(text, kMax)) + "...";
}

}  // namespace papers
