// The analysis chain, used unchanged for document text and for query text:
//
//   text -> Tokenizer (letter and digit runs, script runs, mixed tokens like GPT-4o)
//        -> TextNormalizer (NFKC + case folding + diacritic removal)
//        -> per script: EnglishStemmer (Snowball) | KoreanStemmer (particles and
//           endings) | CJK unigrams  -> Terms
//
// Index time adds a field prefix to each term; query time builds Xapian
// queries from the same terms, so the two sides cannot drift.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

enum class TermKind : uint8_t {
    Word,       // Latin/Greek/Cyrillic word (stemmed) or number
    Hangul,     // Korean stem (particles and endings removed)
    Compound,   // a whole mixed token such as "gpt-4o"; its parts follow as Word terms
    Ideograph,  // a Han/Kana character (unigram)
};

struct Term {
    std::string text;   // the term, no field prefix
    uint32_t position;  // 1-based word position; a Compound shares its first part's position
    uint32_t start;     // byte offsets in the analysed text of the surface form
    uint32_t end;       //   the term came from (for snippets and highlighting)
    TermKind kind;
    // The normalised word before stemming, what a user would type: "diffusion"
    // for the term "diffus". A Hangul word is its stem (a particle is not part
    // of the word): "모델" for 모델을. For spelling suggestions.
    std::string word;
};

// Per-thread state: analyze() is const to its callers, but reuses scratch
// buffers and a Snowball stemmer between calls, so an Analyzer must not be
// shared between threads. Each thread makes its own (a sharded build's
// workers do; a Searcher holds one). Not copyable, to keep it that way.
class Analyzer {
  public:
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // `text` must be valid UTF-8 (see sanitize_utf8).
    std::vector<Term> analyze(std::string_view text) const;
    void analyze(std::string_view text, const std::function<void(const Term&)>& emit) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace papers
