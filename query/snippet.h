// Snippets: the stretch of a paper's summary that holds most of the query's
// words, with those words marked. Words are found by re-analysing the text
// with the same Analyzer, so a Korean query word highlights its inflected
// forms ("모델" marks "모델을") and a stemmed English word its variants.
#pragma once

#include <set>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/paper.h"
#include "query/searcher.h"

namespace papers {

struct Snippet {
    std::string text;  // one line: newlines in the source become spaces
    std::vector<Highlight> highlights;
};

// `terms` are query terms without field prefixes. `max_chars` counts code points.
Snippet make_snippet(const Paper& paper, const std::set<std::string>& terms,
                     const Analyzer& analyzer, size_t max_chars = 160);

}  // namespace papers
