// The query language (documented in the README and `papers search --help`):
//
//   free text            words in Korean, English or both; every word must match
//   "a phrase"           the words in order
//   field:word           title: author: whatsnew: details: highlights: section: id:
//   field:"a phrase"     field:(a group)
//   a OR b, a AND b      boolean operators (upper case); a b means a AND b
//   NOT a, -a            exclude
//   ( ... )              grouping
//   date:2024-09-01..2024-09-30   date:2024-09   date:..2024-01-31
//   votes:20..   votes:..5   votes:10..20
//
// Fields come from analyzers/schema.h; text goes through the same Analyzer
// as the documents did (query/text_query.h).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/error.h"
#include "query/text_query.h"

namespace papers {

// Where a word or phrase of free text sits in the query text, and the term
// prefix of its field ("" for bare words): what spelling suggestions may
// rewrite (query/spelling.h). Ids, ranges and author names are not listed.
struct TextSpan {
    size_t offset;  // byte offset of `text` in the query
    std::string text;
    std::string prefix;
};

// What a parse reports besides the query.
struct ParseNotes {
    std::vector<TextSpan> spans;           // free text in query order (spelling suggestions)
    std::vector<QueryTermOrigin> origins;  // where each term came from (--explain)
    size_t words_left_out = 0;             // words not searched (kMaxQueryWords)
};

class QueryParser {
  public:
    QueryParser(const Analyzer& analyzer, const Xapian::Database& db);

    // `strictness` says how bare words combine (query/text_query.h); the
    // searcher relaxes a query that matched nothing. `notes`, when given,
    // receives the free-text spans and the terms' origins. `synonyms` false
    // leaves glossary terms unexpanded. Error kind: BadQuery.
    Result<Xapian::Query> parse(std::string_view text, Strictness strictness,
                                ParseNotes* notes = nullptr, bool synonyms = true) const;

  private:
    const Analyzer& analyzer_;
    const Xapian::Database& db_;
};

}  // namespace papers
