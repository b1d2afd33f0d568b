#include "indexer/python_literal.h"

#include <utility>

#include "analyzers/utf8.h"
#include "indexer/markdown_text.h"

namespace papers {
namespace {

struct PyValue {
    enum class Kind { kScalar, kList, kDict } kind = Kind::kScalar;
    std::string text;                                  // kScalar
    std::vector<PyValue> items;                        // kList
    std::vector<std::pair<PyValue, PyValue>> entries;  // kDict
};

constexpr int kMaxDepth = 32;  // hostile input must not exhaust the stack

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Recursive-descent parser over the literal text; every method returns false
// on the first thing that is not a literal.
class LiteralParser {
  public:
    explicit LiteralParser(std::string_view s) : s_(s) {}

    bool parse_document(PyValue& out) {
        if (!parse_value(out, 0) || out.kind == PyValue::Kind::kScalar) return false;
        skip_space();
        return pos_ == s_.size();
    }

  private:
    bool at(char c) const { return pos_ < s_.size() && s_[pos_] == c; }

    void skip_space() {
        while (pos_ < s_.size() &&
               (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
            ++pos_;
    }

    bool parse_value(PyValue& out, int depth) {
        if (depth > kMaxDepth) return false;
        skip_space();
        if (pos_ >= s_.size()) return false;
        const char c = s_[pos_];
        if (c == '[') return parse_sequence(out, ']', depth);
        if (c == '(') return parse_sequence(out, ')', depth);
        if (c == '{') return parse_braces(out, depth);
        if (c == '\'' || c == '"' || is_string_prefix()) return parse_strings(out.text);
        return parse_bare_token(out.text);
    }

    // [a, b] or (a, b): items until `close`, trailing comma allowed.
    bool parse_sequence(PyValue& out, char close, int depth) {
        out.kind = PyValue::Kind::kList;
        ++pos_;
        for (;;) {
            skip_space();
            if (at(close)) return ++pos_, true;
            out.items.emplace_back();
            if (!parse_value(out.items.back(), depth + 1)) return false;
            skip_space();
            if (at(',')) {
                ++pos_;
            } else if (!at(close)) {
                return false;
            }
        }
    }

    // {k: v, ...} is a dict; {a, b} (a set) is read as a list.
    bool parse_braces(PyValue& out, int depth) {
        ++pos_;
        for (bool first = true;; first = false) {
            skip_space();
            if (at('}')) return ++pos_, true;
            PyValue key;
            if (!parse_value(key, depth + 1)) return false;
            skip_space();
            if (first) out.kind = at(':') ? PyValue::Kind::kDict : PyValue::Kind::kList;
            if (out.kind == PyValue::Kind::kDict) {
                if (!at(':')) return false;
                ++pos_;
                PyValue value;
                if (!parse_value(value, depth + 1)) return false;
                out.entries.emplace_back(std::move(key), std::move(value));
                skip_space();
            } else {
                out.items.push_back(std::move(key));
            }
            if (at(',')) {
                ++pos_;
            } else if (!at('}')) {
                return false;
            }
        }
    }

    bool is_string_prefix() const {
        const char c = s_[pos_];
        return (c == 'r' || c == 'u' || c == 'R' || c == 'U') && pos_ + 1 < s_.size() &&
               (s_[pos_ + 1] == '\'' || s_[pos_ + 1] == '"');
    }

    // One string, or adjacent ones ('a' "b" -> ab), as Python concatenates them.
    bool parse_strings(std::string& out) {
        do {
            if (!parse_string(out)) return false;
            skip_space();
        } while (pos_ < s_.size() && (at('\'') || at('"') || is_string_prefix()));
        return true;
    }

    bool parse_string(std::string& out) {
        bool raw = false;
        if (is_string_prefix()) raw = (s_[pos_++] | 0x20) == 'r';
        const char quote = s_[pos_++];
        while (pos_ < s_.size()) {
            const char c = s_[pos_++];
            if (c == quote) return true;
            if (c != '\\' || raw) {
                out += c;
            } else if (!parse_escape(out)) {
                return false;
            }
        }
        return false;  // unterminated
    }

    // After a backslash. Unknown escapes keep the backslash, as Python does.
    bool parse_escape(std::string& out) {
        if (pos_ >= s_.size()) return false;
        const char c = s_[pos_++];
        switch (c) {
            case 'n':
                out += '\n';
                return true;
            case 't':
                out += '\t';
                return true;
            case 'r':
                out += '\r';
                return true;
            case '\n':
                return true;  // line continuation
            case '\\':
            case '\'':
            case '"':
                out += c;
                return true;
            case 'x':
                return parse_hex_escape(out, 2);
            case 'u':
                return parse_hex_escape(out, 4);
            case 'U':
                return parse_hex_escape(out, 8);
            default:
                out += '\\';
                out += c;
                return true;
        }
    }

    bool parse_hex_escape(std::string& out, size_t digits) {
        if (pos_ + digits > s_.size()) return false;
        uint32_t cp = 0;
        for (size_t i = 0; i < digits; ++i) {
            const int v = hex_value(s_[pos_ + i]);
            if (v < 0) return false;
            cp = cp * 16 + static_cast<uint32_t>(v);
        }
        pos_ += digits;
        append_utf8(out, cp);
        return true;
    }

    // Numbers, True, False, None: kept as written. Any other bare word means
    // this is prose in brackets ("[GPT-4]"), not a literal.
    bool parse_bare_token(std::string& out) {
        const size_t begin = pos_;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                            (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '-' || c == '+';
            if (!ok) break;
            ++pos_;
        }
        const std::string_view token = s_.substr(begin, pos_ - begin);
        out.assign(token);
        return token == "True" || token == "False" || token == "None" || is_number(token);
    }

    static bool is_number(std::string_view t) {
        if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
        if (t.empty() || !((t[0] >= '0' && t[0] <= '9') || t[0] == '.')) return false;
        for (char c : t) {
            const bool ok = (c >= '0' && c <= '9') || c == '.' || c == '_' || c == 'e' ||
                            c == 'E' || c == '-' || c == '+' || c == 'j';
            if (!ok) return false;
        }
        return true;
    }

    std::string_view s_;
    size_t pos_ = 0;
};

void flatten(const PyValue& v, std::vector<std::string>& lines);

std::string scalar_text(const PyValue& v) {
    if (v.kind == PyValue::Kind::kScalar) return v.text;
    std::vector<std::string> parts;
    flatten(v, parts);
    std::string joined;
    for (const std::string& p : parts) joined += (joined.empty() ? "" : ", ") + p;
    return joined;
}

void flatten(const PyValue& v, std::vector<std::string>& lines) {
    switch (v.kind) {
        case PyValue::Kind::kScalar:
            lines.push_back(v.text);
            break;
        case PyValue::Kind::kList:
            for (const PyValue& item : v.items) flatten(item, lines);
            break;
        case PyValue::Kind::kDict:
            for (const auto& [key, value] : v.entries) {
                if (value.kind == PyValue::Kind::kScalar) {
                    lines.push_back(scalar_text(key) + ": " + value.text);
                } else {
                    lines.push_back(scalar_text(key) + ":");
                    flatten(value, lines);
                }
            }
            break;
    }
}

// Strings may hold newlines (escaped \n): each becomes a line of its own.
std::vector<std::string> split_lines(const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (const std::string& s : in) {
        size_t begin = 0;
        for (size_t nl; (nl = s.find('\n', begin)) != std::string::npos; begin = nl + 1)
            out.push_back(s.substr(begin, nl - begin));
        out.push_back(s.substr(begin));
    }
    return out;
}

}  // namespace

std::optional<std::vector<std::string>> python_literal_lines(std::string_view text) {
    text = trim(text);
    if (text.empty() || (text[0] != '[' && text[0] != '{')) return std::nullopt;
    PyValue root;
    LiteralParser parser(text);
    if (!parser.parse_document(root)) return std::nullopt;
    std::vector<std::string> lines;
    flatten(root, lines);
    return split_lines(lines);
}

}  // namespace papers
