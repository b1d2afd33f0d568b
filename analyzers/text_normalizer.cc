#include "analyzers/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

#include "analyzers/utf8.h"

namespace papers {
namespace {

// ICU's normalizer instances are immutable, thread-safe singletons owned by
// ICU: fetch them once.
struct Normalizers {
    const icu::Normalizer2* nfkc_casefold;
    const icu::Normalizer2* nfd;
    const icu::Normalizer2* nfc;
};

const Normalizers& normalizers() {
    static const Normalizers instances = [] {
        UErrorCode status = U_ZERO_ERROR;
        Normalizers n{};
        n.nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        n.nfd = icu::Normalizer2::getNFDInstance(status);
        n.nfc = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status)) {
            throw std::runtime_error(std::string("ICU normalizer data unavailable: ") +
                                     u_errorName(status));
        }
        return n;
    }();
    return instances;
}

// Combining marks that are diacritics on Latin, Greek and Cyrillic letters.
// Deliberately not "every Mn": the kana voicing marks (U+3099/309A) are Mn
// too, and dropping them would turn が into か.
bool is_diacritic_mark(UChar32 c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE20 && c <= 0xFE2F);
}

// Letters with a "diacritic" that Unicode does not decompose. Applied after
// case folding, so only lower case is listed.
const char16_t* undecomposable_fold(UChar32 c) {
    switch (c) {
        case 0x00F8:
            return u"o";  // ø
        case 0x0142:
            return u"l";  // ł
        case 0x0111:
            return u"d";  // đ
        case 0x00F0:
            return u"d";  // ð
        case 0x0131:
            return u"i";  // dotless ı
        case 0x00E6:
            return u"ae";  // æ
        case 0x0153:
            return u"oe";  // œ
        case 0x00FE:
            return u"th";  // þ
        default:
            return nullptr;
    }
}

enum class Path { Ascii, AsciiAndHangul, Full };

Path choose_path(std::string_view in) {
    Path path = Path::Ascii;
    for (size_t i = 0; i < in.size();) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        UChar32 c;
        int32_t j = static_cast<int32_t>(i);
        U8_NEXT(in.data(), j, static_cast<int32_t>(in.size()), c);
        if (c < 0 || !is_hangul_syllable(static_cast<char32_t>(c))) return Path::Full;
        path = Path::AsciiAndHangul;
        i = static_cast<size_t>(j);
    }
    return path;
}

void ascii_lower(std::string_view in, std::string& out) {
    out.assign(in.data(), in.size());
    for (char& ch : out) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
}

// NFD, drop diacritic marks, fold the few letters Unicode cannot decompose,
// NFC again (which recomposes any Hangul jamo into syllables).
icu::UnicodeString strip_diacritics(const icu::UnicodeString& s, UErrorCode& status) {
    const Normalizers& n = normalizers();
    const icu::UnicodeString decomposed = n.nfd->normalize(s, status);
    icu::UnicodeString kept;
    bool changed = false;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (is_diacritic_mark(c)) {
            changed = true;
        } else if (const char16_t* folded = undecomposable_fold(c)) {
            kept.append(folded);
            changed = true;
        } else {
            kept.append(c);
        }
    }
    if (!changed) return s;
    return n.nfc->normalize(kept, status);
}

}  // namespace

void normalize_text(std::string_view in, std::string& out) {
    switch (choose_path(in)) {
        case Path::Ascii:
        case Path::AsciiAndHangul:  // precomposed syllables are NFKC-stable and caseless
            ascii_lower(in, out);
            return;
        case Path::Full:
            break;
    }
    UErrorCode status = U_ZERO_ERROR;
    const auto source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<int32_t>(in.size())));
    const icu::UnicodeString folded = normalizers().nfkc_casefold->normalize(source, status);
    const icu::UnicodeString plain = strip_diacritics(folded, status);
    out.clear();
    if (U_FAILURE(status)) {  // cannot happen with valid input; fall back to case folding only
        ascii_lower(in, out);
        return;
    }
    plain.toUTF8String(out);
}

std::string normalize_text(std::string_view in) {
    std::string out;
    normalize_text(in, out);
    return out;
}

}  // namespace papers
