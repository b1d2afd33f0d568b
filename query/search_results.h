// What a Searcher returns (query/searcher.h): ranking requests, hits, and
// the results of search, similar, author, glossary and stats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/glossary.h"
#include "analyzers/paper.h"
#include "query/explain.h"

namespace papers {

enum class SortOrder { Relevance, Votes, Date };

// How a page of results is ranked and cut (search and similar).
struct Ranking {
    size_t limit = 10;
    size_t offset = 0;
    SortOrder sort = SortOrder::Relevance;
    // Relevance: score = BM25 text score + votes_weight * log(1 + votes).
    double votes_weight = 0.5;
    bool explain = false;  // fill Hit::explanation
};

struct SearchRequest : Ranking {
    std::string query;
    // Expand glossary terms into the other language (query/text_query.h).
    bool synonyms = true;
    // When the papers with every word do not fill the page, follow them
    // with papers that have some of the words (Hit::partial).
    bool fill_with_partial = true;
};

// A byte range of a snippet to highlight.
struct Highlight {
    size_t start;
    size_t end;
};

struct Hit {
    size_t rank;  // 1-based, counting from the first result overall
    double score;
    Paper paper;
    std::string snippet;                     // plain text, no markup, from the paper's sections
    std::vector<Highlight> highlights;       // matched words within `snippet`
    std::optional<Explanation> explanation;  // with SearchRequest::explain
    bool partial = false;  // has only some of the query's words (after every paper with all)
};

struct SearchResults {
    std::string query;
    size_t total = 0;         // number of matches: exact up to 2000, Xapian's estimate beyond
    bool total_exact = true;  // false: total and total_every_word are estimates
    // Of `total`, the papers with every word; the others (Hit::partial)
    // have some of them and come after.
    size_t total_every_word = 0;
    // No paper had every word as typed: Korean words were let stand apart,
    // or any word was accepted (then total_every_word is 0).
    bool relaxed = false;
    std::vector<Hit> hits;
    // The query with words that look misspelt replaced by the index's
    // spelling suggestions (query/spelling.h); "" when every word looks right.
    std::string suggestion;
    // The query as typed matched nothing, so the hits are for `suggestion`.
    bool corrected = false;
    // Words of a very long query that were not searched (query/text_query.h,
    // kMaxQueryWords); 0 for any query a person types.
    size_t words_left_out = 0;
};

struct SimilarResults {
    Paper paper;                     // the paper the others are like
    std::vector<std::string> terms;  // the index terms likeness was judged by, best first
    size_t total = 0;
    std::vector<Hit> hits;  // most alike first (votes count as in search)
};

struct AuthorResults {
    std::string query;
    std::vector<std::string> matched_names;  // the names as written upstream
    size_t total = 0;
    std::vector<Hit> hits;                 // newest first
    std::vector<std::string> suggestions;  // closest known names when nothing matched
};

struct IndexStats {
    size_t papers = 0;
    size_t days = 0;
    size_t authors = 0;
    std::string first_day;
    std::string last_day;
    uint64_t index_bytes = 0;
    std::string updated;  // ISO-8601 UTC of the last indexing run
};

struct GlossaryResults {
    std::string term;                    // as asked; empty: the most common pairs
    size_t total = 0;                    // entries matching, before the limit
    std::vector<GlossaryEntry> entries;  // most papers first
};

}  // namespace papers
