#include "indexer/markdown_text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "analyzers/utf8.h"

namespace papers {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// ---- HTML tags -------------------------------------------------------------

// Elements whose tags are markup, never prose. Sorted for binary search.
constexpr std::array<std::string_view, 45> kHtmlTags = {
    "a",   "audio",   "b",          "blockquote", "br",     "center", "code",   "del",  "details",
    "div", "em",      "figcaption", "figure",     "font",   "h1",     "h2",     "h3",   "h4",
    "h5",  "h6",      "hr",         "i",          "iframe", "img",    "ins",    "li",   "mark",
    "ol",  "p",       "picture",    "pre",        "s",      "small",  "source", "span", "strong",
    "sub", "summary", "sup",        "table",      "td",     "th",     "tr",     "u",    "video"};

bool is_html_tag_name(std::string_view name) {
    if (name.size() > 16) return false;
    char buf[16];
    for (size_t i = 0; i < name.size(); ++i) buf[i] = ascii_lower(name[i]);
    const std::string_view lower(buf, name.size());
    return std::binary_search(kHtmlTags.begin(), kHtmlTags.end(), lower);
}

// If a known tag or a comment starts at s[i] ('<'), returns the index just past
// it, else 0. Sets `is_br` for <br>.
size_t html_tag_end(std::string_view s, size_t i, bool& is_br) {
    is_br = false;
    if (s.compare(i, 4, "<!--") == 0) {
        const size_t end = s.find("-->", i + 4);
        return end == std::string_view::npos ? 0 : end + 3;
    }
    size_t j = i + 1;
    if (j < s.size() && s[j] == '/') ++j;
    const size_t name_begin = j;
    while (j < s.size() && (is_ascii_alpha(s[j]) || (j > name_begin && is_ascii_digit(s[j])))) ++j;
    const std::string_view name = s.substr(name_begin, j - name_begin);
    if (name.empty() || !is_html_tag_name(name)) return 0;
    if (j >= s.size() || !(s[j] == '>' || s[j] == '/' || is_ascii_space(s[j]))) return 0;
    char quote = 0;  // attribute values may contain '>'
    for (; j < s.size(); ++j) {
        if (quote) {
            if (s[j] == quote) quote = 0;
        } else if (s[j] == '"' || s[j] == '\'') {
            quote = s[j];
        } else if (s[j] == '>') {
            is_br = name.size() == 2 && ascii_lower(name[0]) == 'b' && ascii_lower(name[1]) == 'r';
            return j + 1;
        }
    }
    return 0;
}

// ---- emphasis --------------------------------------------------------------

enum class CharClass { kSpace, kPunct, kOther };

CharClass ascii_class(char c) {
    if (is_ascii_space(c)) return CharClass::kSpace;
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 33 && u <= 47) || (u >= 58 && u <= 64) || (u >= 91 && u <= 96) ||
        (u >= 123 && u <= 126))
        return CharClass::kPunct;
    return CharClass::kOther;
}

uint32_t decode_at(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
    const uint8_t b0 = b(0);
    if (b0 < 0x80) return b0;
    if (b0 >= 0xC0 && b0 < 0xE0 && i + 1 < s.size()) return ((b0 & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    if (b0 >= 0xE0 && b0 < 0xF0 && i + 2 < s.size())
        return ((b0 & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    return 0x10000;  // 4-byte or broken: a letter-like symbol for our purposes
}

CharClass code_point_class(uint32_t cp) {
    if (cp < 0x80) return ascii_class(static_cast<char>(cp));
    if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A)) return CharClass::kSpace;
    if ((cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x303F) ||
        (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xA1 && cp <= 0xBF))
        return CharClass::kPunct;
    return CharClass::kOther;
}

// Class of the code point ending just before s[i] (start of text = space).
CharClass class_before(std::string_view s, size_t i) {
    if (i == 0) return CharClass::kSpace;
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && (static_cast<uint8_t>(s[k]) & 0xC0) == 0x80) --k;
    return code_point_class(decode_at(s, k));
}

CharClass class_at(std::string_view s, size_t i) {
    return i >= s.size() ? CharClass::kSpace : code_point_class(decode_at(s, i));
}

struct DelimiterRun {
    char ch;
    size_t len;
    size_t used = 0;  // delimiters consumed by matches (not printed)
    bool can_open;
    bool can_close;
    size_t remaining() const { return len - used; }
};

DelimiterRun make_run(std::string_view s, size_t begin, size_t end) {
    const char ch = s[begin];
    const CharClass before = class_before(s, begin);
    const CharClass after = class_at(s, end);
    const bool left =
        after != CharClass::kSpace && (after != CharClass::kPunct || before != CharClass::kOther);
    const bool right =
        before != CharClass::kSpace && (before != CharClass::kPunct || after != CharClass::kOther);
    DelimiterRun run{ch, end - begin, 0, left, right};
    if (ch == '_') {
        run.can_open = left && (!right || before == CharClass::kPunct);
        run.can_close = right && (!left || after == CharClass::kPunct);
    } else if (begin > 0 && end < s.size() && is_ascii_digit(s[begin - 1]) &&
               is_ascii_digit(s[end])) {
        run.can_open = run.can_close = false;  // 1120*1120
    }
    return run;
}

// Pairs closers with the nearest compatible opener (CommonMark "process
// emphasis", without the em/strong distinction: we only drop delimiters).
void match_runs(std::vector<DelimiterRun>& runs) {
    std::vector<size_t> openers;
    for (size_t i = 0; i < runs.size(); ++i) {
        DelimiterRun& closer = runs[i];
        while (closer.can_close && closer.remaining() > 0) {
            size_t k = openers.size();
            while (k > 0) {
                const DelimiterRun& o = runs[openers[k - 1]];
                const bool rule_of_3 = (o.can_close || closer.can_open) &&
                                       (o.len + closer.len) % 3 == 0 &&
                                       !(o.len % 3 == 0 && closer.len % 3 == 0);
                if (o.ch == closer.ch && o.remaining() > 0 && !rule_of_3) break;
                --k;
            }
            if (k == 0) break;
            DelimiterRun& opener = runs[openers[k - 1]];
            const size_t n = std::min(opener.remaining(), closer.remaining());
            opener.used += n;
            closer.used += n;
            openers.resize(opener.remaining() > 0 ? k : k - 1);
        }
        if (closer.can_open && closer.remaining() > 0) openers.push_back(i);
    }
}

// A span of the input that is either literal text or a delimiter run.
struct Piece {
    size_t begin, end;
    int run = -1;
};

// End of the code span opened by the backtick run [i, j), or npos.
size_t code_span_close(std::string_view s, size_t i, size_t j) {
    const size_t n = j - i;
    for (size_t k = j; k < s.size();) {
        if (s[k] != '`') {
            ++k;
            continue;
        }
        size_t m = k;
        while (m < s.size() && s[m] == '`') ++m;
        if (m - k == n) return k;
        k = m;
    }
    return std::string_view::npos;
}

}  // namespace

std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && is_ascii_space(s[b])) ++b;
    while (e > b && is_ascii_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string strip_html_tags(std::string_view s) {
    if (s.find('<') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        bool is_br = false;
        const size_t end = s[i] == '<' ? html_tag_end(s, i, is_br) : 0;
        if (end == 0) {
            out += s[i++];
            continue;
        }
        if (is_br) out += ' ';
        i = end;
    }
    return out;
}

std::string strip_emphasis(std::string_view s) {
    if (s.find_first_of("*_`") == std::string_view::npos) return std::string(s);
    std::vector<Piece> pieces;
    std::vector<DelimiterRun> runs;
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() &&
            (s[i + 1] == '*' || s[i + 1] == '_' || s[i + 1] == '`')) {
            pieces.push_back({i + 1, i + 2});  // escaped: literal, backslash dropped
            i += 2;
            continue;
        }
        if (c != '*' && c != '_' && c != '`') {
            size_t j = i;
            while (j < s.size() && s[j] != '*' && s[j] != '_' && s[j] != '`' && s[j] != '\\') ++j;
            pieces.push_back({i, j == i ? i + 1 : j});
            i = j == i ? i + 1 : j;
            continue;
        }
        size_t j = i;
        while (j < s.size() && s[j] == c) ++j;
        if (c == '`') {
            const size_t close = code_span_close(s, i, j);
            if (close == std::string_view::npos) {
                pieces.push_back({i, j});
                i = j;
            } else {
                pieces.push_back({j, close});  // code span content, literal
                i = close + (j - i);
            }
            continue;
        }
        pieces.push_back({i, j, static_cast<int>(runs.size())});
        runs.push_back(make_run(s, i, j));
        i = j;
    }
    match_runs(runs);
    std::string out;
    out.reserve(s.size());
    for (const Piece& p : pieces) {
        if (p.run < 0) {
            out.append(s.substr(p.begin, p.end - p.begin));
        } else {
            const DelimiterRun& r = runs[static_cast<size_t>(p.run)];
            out.append(r.remaining(), r.ch);
        }
    }
    return out;
}

namespace {

// Code point of the entity body between '&' and ';' ("amp", "#39", "#xE9"),
// or -1 if it is not one we decode.
long entity_code_point(std::string_view name) {
    struct Named {
        std::string_view name;
        long cp;
    };
    static constexpr Named kNamed[] = {{"amp", '&'},      {"lt", '<'},       {"gt", '>'},
                                       {"quot", '"'},     {"apos", '\''},    {"nbsp", 0xA0},
                                       {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}};
    for (const Named& n : kNamed)
        if (name == n.name) return n.cp;
    if (name.size() < 2 || name[0] != '#') return -1;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return -1;
    long cp = 0;
    for (char c : digits) {
        int v;
        if (is_ascii_digit(c)) {
            v = c - '0';
        } else if (hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f') {
            v = ascii_lower(c) - 'a' + 10;
        } else {
            return -1;
        }
        cp = cp * (hex ? 16 : 10) + v;
    }
    return cp == 0 ? 0xFFFD : cp;
}

}  // namespace

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const size_t semi = s[i] == '&' ? s.find(';', i + 1) : std::string_view::npos;
        const long cp = (semi != std::string_view::npos && semi - i <= 10)
                            ? entity_code_point(s.substr(i + 1, semi - i - 1))
                            : -1;
        if (cp < 0) {
            out += s[i++];
            continue;
        }
        append_utf8(out, static_cast<uint32_t>(cp));
        i = semi + 1;
    }
    return out;
}

std::string clean_inline(std::string_view s) {
    const std::string no_tags = strip_html_tags(s);
    const std::string plain = strip_emphasis(no_tags);
    return std::string(trim(decode_entities(plain)));
}

}  // namespace papers
