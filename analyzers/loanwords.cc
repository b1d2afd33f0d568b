#include "analyzers/loanwords.h"

#include <array>

#include "analyzers/schema.h"
#include "analyzers/utf8.h"

namespace papers {
namespace {

constexpr int kMedials = 21;
constexpr int kFinals = 28;

// Syllable = kFirstHangulSyllable + (initial * 21 + medial) * 28 + final.
constexpr std::array<const char*, 19> kInitials = {"g",  "kk", "n", "d",  "tt", "r", "m",
                                                   "b",  "pp", "s", "ss", "",   "j", "jj",
                                                   "ch", "k",  "t", "p",  "h"};
constexpr std::array<const char*, kMedials> kMedialLetters = {
    "a",  "ae", "ya", "yae", "eo", "e",  "yeo", "ye", "o",  "wa", "wae",
    "oe", "yo", "u",  "wo",  "we", "wi", "yu",  "eu", "ui", "i"};
constexpr std::array<const char*, kFinals> kFinalLetters = {
    "",  "k", "k", "k", "n", "n", "n", "t",  "l", "k", "m", "l", "l", "l",
    "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
}

char consonant_class(char c) {
    switch (c) {
        case 'b':
        case 'p':
        case 'f':
        case 'v':
            return 'p';
        case 'd':
        case 't':
            return 't';
        case 'g':
        case 'k':
        case 'c':
        case 'q':
            return 'k';
        case 'j':
        case 'z':
            return 'j';
        case 's':
        case 'x':
            return 's';
        case 'l':
        case 'r':
            return 'l';
        case 'm':
        case 'n':
        case 'h':
            return c;
        default:
            return 0;
    }
}

bool starts_with_at(std::string_view word, size_t at, std::string_view part) {
    return word.substr(at, part.size()) == part;
}

// English spelling rewritten the way Hangul transliterates it, in letters
// consonant_skeleton reads ("ch" stays a digraph of its own).
std::string english_sounds(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kDigraphs = {{
        {"tion", "syon"},
        {"ture", "chur"},
        {"dge", "j"},
        {"ph", "f"},
        {"th", "s"},
        {"sh", "s"},
        {"gh", ""},
        {"qu", "k"},
        {"x", "ks"},
    }};
    std::string out;
    for (size_t i = 0; i < word.size();) {
        bool replaced = false;
        for (const auto& [from, to] : kDigraphs) {
            if (starts_with_at(word, i, from)) {
                out += to;
                i += from.size();
                replaced = true;
                break;
            }
        }
        if (replaced) continue;
        if (starts_with_at(word, i, "sion")) {  // vision 비전, version 버전, dimension 디멘션
            const char before = i > 0 ? word[i - 1] : 0;
            out += before == 'r' || is_vowel(before) ? "jon" : "syon";
            i += 4;
            continue;
        }
        const char c = word[i];
        const char next = i + 1 < word.size() ? word[i + 1] : 0;
        const bool soft = next == 'e' || next == 'i' || next == 'y';
        if (c == 'c' && next != 'h')
            out += soft ? 's' : 'k';
        else if (c == 'g' && soft)
            out += 'j';
        else if (c == 'r' && next != 'r' && (next == 0 || next == 'w' || !is_vowel(next)))
            ;  // silent: "benchmark", "transformer"
        else
            out += c;
        ++i;
    }
    return out;
}

}  // namespace

std::string romanize_hangul(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const char32_t c = hangul_syllable_at(text, i);
        if (!c) {
            ++i;
            continue;
        }
        i += kHangulSyllableBytes;
        const int index = static_cast<int>(c - kFirstHangulSyllable);
        out += kInitials[index / (kMedials * kFinals)];
        out += kMedialLetters[(index / kFinals) % kMedials];
        out += kFinalLetters[index % kFinals];
    }
    return out;
}

std::string consonant_skeleton(std::string_view latin) {
    std::string out = !latin.empty() && is_vowel(latin.front()) ? "a" : "";
    bool vowel_since_last = true;
    for (size_t i = 0; i < latin.size(); ++i) {
        char c = latin[i];
        if (is_vowel(c)) {
            vowel_since_last = true;
            continue;
        }
        if (c == 'c' && i + 1 < latin.size() && latin[i + 1] == 'h') {
            c = 'j';
            ++i;
        } else {
            c = consonant_class(c);
        }
        if (c == 0) continue;
        if (vowel_since_last || out.empty() || out.back() != c) out += c;  // 'a' is no class
        vowel_since_last = false;
    }
    return out;
}

size_t skeleton_consonants(std::string_view skeleton) {
    return skeleton.size() - (!skeleton.empty() && skeleton.front() == 'a');
}

std::string english_skeleton(std::string_view word) {
    return consonant_skeleton(english_sounds(word));
}

std::string korean_skeleton(std::string_view word) {
    return consonant_skeleton(romanize_hangul(word));
}

std::string loanword_key(std::string_view stem) {
    return std::string(schema::kLoanwordKey) + std::string(stem);
}

std::string loanword_skeleton_key(std::string_view skeleton) {
    return std::string(schema::kLoanwordSkeletonKey) + std::string(skeleton);
}

}  // namespace papers
