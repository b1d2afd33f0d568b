// Snippets: the stretch of a paper's summary that holds most of the query's
// words, with those words marked. Words are found by re-analysing the text
// with the same Analyzer, so a Korean query word highlights its inflected
// forms ("모델" marks "모델을") and a stemmed English word its variants.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/paper.h"
#include "query/searcher.h"

namespace papers {

struct Snippet {
    std::string text;  // one line: newlines in the source become spaces
    std::vector<Highlight> highlights;
};

// A paper's summary as snippets cut it, with every term the Analyzer finds
// in it: analysed once, it serves any query's terms (the searcher keeps it
// for papers it showed recently).
struct SnippetSource {
    struct Occurrence {
        uint32_t word;  // index into `words`
        uint32_t start, end;
    };
    std::string text;                                 // the sections on one line
    std::vector<std::string> words;                   // the distinct terms of `text`
    std::unordered_map<std::string, uint32_t> index;  // a term's place in `words`
    std::vector<uint32_t> code_points;    // byte offsets where they start in `text`, then its size
    std::vector<Occurrence> occurrences;  // in the order the Analyzer gives them
};

// The most of a paper's text a snippet is cut from (its first bytes).
inline constexpr size_t kMaxSnippetSourceBytes = 64 * 1024;

SnippetSource snippet_source(const Paper& paper, const Analyzer& analyzer);

// `terms` are query terms without field prefixes. `max_chars` counts code points.
Snippet make_snippet(const SnippetSource& source, const std::set<std::string>& terms,
                     size_t max_chars = 160);
// The same, analysing the paper afresh; with no terms it does not analyse.
Snippet make_snippet(const Paper& paper, const std::set<std::string>& terms,
                     const Analyzer& analyzer, size_t max_chars = 160);

}  // namespace papers
