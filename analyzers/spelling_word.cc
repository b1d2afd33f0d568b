#include "analyzers/spelling_word.h"

namespace papers {
namespace {

constexpr size_t kMinLatinBytes = 3;
constexpr size_t kMinHangulBytes = 6;  // two syllables of three bytes each

bool letters_only(const std::string& word) {
    for (const char c : word) {
        const bool ascii_letter = c >= 'a' && c <= 'z';
        if (!ascii_letter && static_cast<unsigned char>(c) < 0x80) return false;
    }
    return true;
}

}  // namespace

bool is_spelling_word(const Term& term) {
    switch (term.kind) {
        case TermKind::Word:
            return term.word.size() >= kMinLatinBytes && letters_only(term.word);
        case TermKind::Hangul:
            return term.word.size() >= kMinHangulBytes;
        case TermKind::Compound:
        case TermKind::Ideograph:
            return false;
    }
    return false;
}

}  // namespace papers
