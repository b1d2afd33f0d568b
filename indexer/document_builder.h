// Builds the Xapian document for one paper from the field table in
// analyzers/schema.h: terms with positions for every text field (prefixed,
// and unprefixed for free-text search), exact author keys, day/month/year
// terms, the date and votes value slots, and the document data.
#pragma once

#include <xapian.h>

#include <set>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/document_data.h"

namespace papers {

// The distinct words of a paper's title and sections that belong in the
// spelling table (analyzers/spelling_word.h), as written, not stemmed.
using SpellingWords = std::set<std::string>;

// `spelling`, when given, receives the paper's spelling words: the index
// writer adds them to the spelling table, and removes them again when the
// document is replaced or deleted.
Xapian::Document build_document(const StoredPaper& stored, const Analyzer& analyzer,
                                SpellingWords* spelling = nullptr);

// Merges a paper's digest occurrences (it may appear on several days): the
// earliest day's record, with that day's date, the highest vote count seen,
// and authors/sections filled from another day where the earliest lacks them.
Paper merge_occurrences(const std::vector<Paper>& occurrences);

}  // namespace papers
