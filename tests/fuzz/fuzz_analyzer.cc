// libFuzzer target: the analysis chain on any bytes (invalid UTF-8 is
// sanitised first, as every caller must), and each piece on its own:
// normaliser, tokenizer, glossary keys, spelling words, printable().
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/glossary.h"
#include "analyzers/spelling_word.h"
#include "analyzers/text_normalizer.h"
#include "analyzers/tokenizer.h"
#include "analyzers/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace papers;
    static const Analyzer analyzer;
    static Tokenizer tokenizer;
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    const std::string text = sanitize_utf8(raw);
    if (!is_valid_utf8(text)) std::abort();
    if (is_valid_utf8(raw) && text != raw) std::abort();
    printable(raw);

    for (const Term& term : analyzer.analyze(text)) {
        if (term.start > term.end || term.end > text.size()) std::abort();
        if (term.text.empty()) std::abort();
        is_spelling_word(term);
    }
    // Beyond the contract: raw bytes straight in must not crash either (ICU's
    // U8_NEXT reads invalid sequences as errors, not past the end).
    for (const Term& term : analyzer.analyze(raw))
        if (term.start > term.end || term.end > raw.size()) std::abort();
    std::vector<Token> tokens;
    tokenizer.tokenize(text, tokens);
    for (const Token& token : tokens)
        if (token.start >= token.end || token.end > text.size()) std::abort();
    if (!is_valid_utf8(normalize_text(text))) std::abort();
    glossary_keys(text, analyzer);
    parse_glossary_term(raw);
    word_translation_key(text);
    return 0;
}
