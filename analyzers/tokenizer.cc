#include "analyzers/tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <string>

namespace papers {
namespace {

enum class CharClass : uint8_t {
    Hangul,
    Ideograph,
    Alnum,
    Extend,  // combining marks and format characters: stay with the preceding letter
    Connector,
    Other,  // spaces, punctuation, symbols: end a token
};

bool is_hangul(UChar32 c) {
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xD7B0 && c <= 0xD7FF) || (c >= 0xFFA0 && c <= 0xFFDC);
}

// Characters UAX #29 does not count as word characters (Word_Break=Other):
// superscript and circled digits (km², ①), the zero width space. ICU's word
// breaker dropped them; letters of scripts written without spaces (Thai) are
// Other too, but stay letters here.
bool outside_words(UChar32 c) {
    return u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_OTHER &&
           u_getIntPropertyValue(c, UCHAR_LINE_BREAK) != U_LB_COMPLEX_CONTEXT;
}

bool is_ideograph(UChar32 c) {
    if (c < 0x2E80) return false;
    if (c == 0x3005 || c == 0x30FC) return true;  // 々 and the katakana long vowel mark
    if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
}

CharClass classify(UChar32 c) {
    if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return CharClass::Alnum;
        }
        return is_connector(static_cast<char32_t>(c)) ? CharClass::Connector : CharClass::Other;
    }
    if (is_hangul(c)) return CharClass::Hangul;
    if (is_ideograph(c)) return CharClass::Ideograph;
    if (is_connector(static_cast<char32_t>(c))) return CharClass::Connector;
    switch (u_charType(c)) {
        case U_UPPERCASE_LETTER:
        case U_LOWERCASE_LETTER:
        case U_TITLECASE_LETTER:
        case U_MODIFIER_LETTER:
        case U_OTHER_LETTER:
        case U_DECIMAL_DIGIT_NUMBER:
        case U_LETTER_NUMBER:
            return CharClass::Alnum;
        case U_OTHER_NUMBER:
            return outside_words(c) ? CharClass::Other : CharClass::Alnum;
        case U_NON_SPACING_MARK:
        case U_COMBINING_SPACING_MARK:
        case U_ENCLOSING_MARK:
            return CharClass::Extend;
        case U_FORMAT_CHAR:
            return outside_words(c) ? CharClass::Other : CharClass::Extend;
        default:
            return CharClass::Other;
    }
}

bool is_digit(UChar32 c) {
    return (c >= '0' && c <= '9') || (c >= 0x80 && u_isdigit(c));
}

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019;
}

// Decodes the code point at text[i] (valid UTF-8), advancing i.
UChar32 next_code_point(std::string_view text, int32_t& i) {
    UChar32 c;
    U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
    return c < 0 ? 0xFFFD : c;
}

}  // namespace

bool is_connector(char32_t c) {
    switch (c) {
        case '-':
        case '_':
        case '.':
        case '/':
        case '\'':
        case 0x2019:  // ’ right single quotation mark, the typographic apostrophe
        case 0x2010:  // ‐ hyphen
        case 0x2011:  // ‑ non-breaking hyphen
            return true;
        default:
            return false;
    }
}

struct Tokenizer::Impl {
    // Per-call state.
    std::string_view text;
    std::vector<Token>* out = nullptr;
    bool open = false;      // a token is being extended
    Token current{};        //   this one
    UChar32 last_cp = 0;    //   its last code point
    bool can_join = false;  // the last emitted token may be glued to the next one

    void run(std::string_view input, std::vector<Token>& tokens);
    void scan();
    void open_token(int32_t at, Script script);
    void close_token(int32_t at);
    bool glued_by_one_connector(int32_t at) const;
};

void Tokenizer::Impl::run(std::string_view input, std::vector<Token>& tokens) {
    tokens.clear();
    text = input;
    out = &tokens;
    open = false;
    can_join = false;
    scan();
    out = nullptr;
}

// Splits text into tokens: script runs, connector-separated parts, one token
// per ideograph. Spaces, punctuation and symbols end a token.
void Tokenizer::Impl::scan() {
    const int32_t end = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < end;) {
        const int32_t at = i;
        const UChar32 c = next_code_point(text, i);
        const CharClass cls = classify(c);
        switch (cls) {
            case CharClass::Extend:
                if (open) last_cp = c;
                break;
            case CharClass::Ideograph:
                close_token(at);
                open_token(at, Script::Ideograph);
                close_token(i);
                break;
            case CharClass::Hangul:
            case CharClass::Alnum: {
                const Script script = cls == CharClass::Hangul ? Script::Hangul : Script::Alnum;
                if (open && current.script == script) {
                    last_cp = c;
                    break;
                }
                close_token(at);
                open_token(at, script);
                last_cp = c;
                break;
            }
            case CharClass::Connector:
            case CharClass::Other: {
                int32_t peek = i;
                const UChar32 next = i < end ? next_code_point(text, peek) : 0;
                if ((c == '.' || c == ',') && open && is_digit(last_cp) && is_digit(next)) {
                    last_cp = c;  // inside a number: 3.5, 52.24, 1,000
                    break;
                }
                close_token(at);
                break;
            }
        }
    }
    close_token(end);
}

void Tokenizer::Impl::open_token(int32_t at, Script script) {
    const bool joined = script != Script::Ideograph && can_join && glued_by_one_connector(at);
    current = Token{static_cast<uint32_t>(at), static_cast<uint32_t>(at), script, joined};
    open = true;
}

void Tokenizer::Impl::close_token(int32_t at) {
    if (!open) return;
    open = false;
    current.end = static_cast<uint32_t>(at);
    // A possessive "'s" is not a part: "Bloom's" is the word "Bloom".
    const std::string_view surface = text.substr(current.start, current.end - current.start);
    if (current.joined && (surface == "s" || surface == "S")) {
        int32_t gap = static_cast<int32_t>(out->back().end);
        if (is_apostrophe(next_code_point(text, gap))) {
            can_join = false;
            return;
        }
    }
    out->push_back(current);
    can_join = current.script != Script::Ideograph;
}

// True if exactly one connector lies between the last token and `at`.
bool Tokenizer::Impl::glued_by_one_connector(int32_t at) const {
    if (out->empty()) return false;
    int32_t i = static_cast<int32_t>(out->back().end);
    if (i >= at) return false;  // adjacent: a script change starts a new word
    const UChar32 c = next_code_point(text, i);
    return i == at && is_connector(static_cast<char32_t>(c));
}

Tokenizer::Tokenizer() : impl_(std::make_unique<Impl>()) {}
Tokenizer::~Tokenizer() = default;

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& out) {
    impl_->run(text, out);
}

}  // namespace papers
