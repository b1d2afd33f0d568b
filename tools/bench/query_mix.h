// The fixed query mix of the benchmark, and each query as every peer
// writes it in its own natural syntax. An empty translation means the peer
// cannot express the query (it is left out, not approximated).
#pragma once

#include <string>
#include <vector>

#include "query/searcher.h"

namespace papers::bench {

struct QueryCase {
    std::string name;  // e.g. "rare English term"
    std::string ours;  // papers query syntax
    SortOrder sort = SortOrder::Relevance;
    std::string xapian;           // plain Xapian QueryParser, FLAG_CJK_NGRAM
    std::string fts_unicode61;    // FTS5 MATCH expression, tokenize='unicode61'
    std::string fts_trigram;      // FTS5 MATCH expression, tokenize='trigram'
    std::string sql_filter;       // extra SQL condition on the UNINDEXED columns
    bool sql_by_votes = false;    // ORDER BY votes instead of bm25
    std::vector<std::string> rg;  // ripgrep arguments before the corpus path
};

const std::vector<QueryCase>& query_mix();

// The FTS5 query for `match`, best 10 first, with a snippet as the CLI
// prints one. `literal`: the MATCH text inlined as an SQL string (for the
// sqlite3 CLI); otherwise a `?` parameter.
std::string fts_sql(const QueryCase& query, const std::string& match, bool literal);

// How many papers match `match` (and the filter), for the report.
std::string fts_count_sql(const QueryCase& query);

// Results per page, for every peer.
constexpr int kLimit = 10;

}  // namespace papers::bench
