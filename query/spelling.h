// Spelling suggestions for a query, from the index's spelling table (the
// indexer fills it with the words of titles and sections as written, Korean
// words without their particles: analyzers/spelling_word.h).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "query/query_parser.h"

namespace papers {

// `query` with each word whose term is absent from the index (or nearly so)
// replaced by the nearest known word that is much more common, keeping the
// rest of the text (fields, quotes, operators, Korean particles) as typed:
// "title:difusion -video" -> "title:diffusion -video", "모뎰을" -> "모델을".
// "" when no word needs a change. `spans` come from QueryParser::parse.
std::string suggest_spelling(std::string_view query, const std::vector<TextSpan>& spans,
                             const Analyzer& analyzer, const Xapian::Database& db);

}  // namespace papers
