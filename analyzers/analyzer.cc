#include "analyzers/analyzer.h"

#include <xapian.h>

#include "analyzers/korean_stemmer.h"
#include "analyzers/text_normalizer.h"
#include "analyzers/tokenizer.h"

namespace papers {
namespace {

// Longer terms are noise (URLs, base64) and Xapian refuses terms over 245
// bytes once a field prefix is added.
constexpr size_t kMaxTermBytes = 120;

bool has_digit(std::string_view s) {
    for (char c : s) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

// Connectors as they appear in a compound term: typographic apostrophes and
// hyphens written as their ASCII forms, so "What’s" and "What's" agree.
void append_connector(std::string_view connector, std::string& out) {
    if (connector == "\u2019") {
        out += '\'';
    } else if (connector == "\u2010" || connector == "\u2011") {
        out += '-';
    } else {
        out += connector;
    }
}

}  // namespace

struct Analyzer::Impl {
    Tokenizer tokenizer;
    Xapian::Stem english{"english"};

    // Scratch space reused across calls: one Analyzer per thread.
    std::vector<Token> tokens;
    std::string normalized;
    std::string compound;

    void run(std::string_view text, const std::function<void(const Term&)>& emit);
    std::string term_text(std::string_view surface, Script script, TermKind& kind);
    void emit_compound(std::string_view text, const Token* parts, size_t count, uint32_t position,
                       const std::function<void(const Term&)>& emit);
};

// text -> tokens -> per token: normalise -> stem by script -> Term.
// One position per token; a compound's whole term shares its first part's.
// A Korean word that lost a particle or an ending (other than the genitive
// 의) leaves a gap after it: "이미지를 생성하는" (generating images) and
// "생성된 모델" (a generated model) are not the compounds 이미지 생성 and
// 생성 모델, which phrase queries look for, while "전문가의 혼합" still is
// 전문가 혼합.
void Analyzer::Impl::run(std::string_view text, const std::function<void(const Term&)>& emit) {
    tokenizer.tokenize(text, tokens);
    uint32_t position = 1;
    for (size_t i = 0; i < tokens.size();) {
        size_t end = i + 1;
        while (end < tokens.size() && tokens[end].joined) ++end;
        if (end - i > 1) emit_compound(text, &tokens[i], end - i, position, emit);
        for (; i < end; ++i, ++position) {
            const Token& token = tokens[i];
            TermKind kind;
            std::string term =
                term_text(text.substr(token.start, token.end - token.start), token.script, kind);
            if (term.empty() || term.size() > kMaxTermBytes)
                continue;  // the position is still used
            const bool inflected = kind == TermKind::Hangul && term.size() < normalized.size() &&
                                   std::string_view(normalized).substr(term.size()) != "의";
            std::string word = kind == TermKind::Word ? normalized : term;  // before stemming
            emit(Term{std::move(term), position, token.start, token.end, kind, std::move(word)});
            if (inflected) ++position;
        }
    }
}

// The term for one token, or "" if it has none (a particle, a stop word).
std::string Analyzer::Impl::term_text(std::string_view surface, Script script, TermKind& kind) {
    normalize_text(surface, normalized);
    switch (script) {
        case Script::Hangul:
            kind = TermKind::Hangul;
            return std::string(korean_stem(normalized));
        case Script::Ideograph:
            kind = TermKind::Ideograph;
            return normalized;
        case Script::Alnum:
            kind = TermKind::Word;
            if (has_digit(normalized)) return normalized;  // 3.5, 4o, 8b: kept as written
            return english(normalized);
    }
    return {};
}

// "GPT-4o" -> "gpt-4o": the parts normalised (a Hangul part stemmed, so a
// particle glued to the end does not stay), connectors kept as written.
void Analyzer::Impl::emit_compound(std::string_view text, const Token* parts, size_t count,
                                   uint32_t position,
                                   const std::function<void(const Term&)>& emit) {
    compound.clear();
    size_t used = 0;
    for (; used < count; ++used) {
        const Token& part = parts[used];
        normalize_text(text.substr(part.start, part.end - part.start), normalized);
        const std::string_view form =
            part.script == Script::Hangul ? korean_stem(normalized) : std::string_view(normalized);
        if (form.empty()) break;
        if (used > 0) {
            const uint32_t gap = parts[used - 1].end;
            append_connector(text.substr(gap, part.start - gap), compound);
        }
        compound += form;
    }
    if (used < 2 || compound.size() > kMaxTermBytes) return;
    emit(Term{compound, position, parts[0].start, parts[used - 1].end, TermKind::Compound,
              compound});
}

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::vector<Term> Analyzer::analyze(std::string_view text) const {
    std::vector<Term> terms;
    analyze(text, [&terms](const Term& term) { terms.push_back(term); });
    return terms;
}

void Analyzer::analyze(std::string_view text, const std::function<void(const Term&)>& emit) const {
    impl_->run(text, emit);
}

}  // namespace papers
