// The read side of the index: search, author lookup, show and stats. Opens
// the database read-only, and each operation works on the latest published
// index: a Searcher follows commits and generation swaps (indexer/
// index_store.h), and one that meets a concurrent writer's
// DatabaseModifiedError, or a generation removed under it, reopens from the
// path and retries. A running update or rebuild never makes it fail.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/error.h"
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

class Searcher {
  public:
    // Error kinds: NoIndex (nothing at `db_path`), IndexError.
    static Result<std::unique_ptr<Searcher>> open(const std::string& db_path);
    // Several databases searched as one index (shards), each a directory, a
    // stub file or tcp://HOST:PORT (query/index_source.h). Error kinds as
    // above; IndexError names the address of a server that cannot be reached.
    static Result<std::unique_ptr<Searcher>> open(const std::vector<std::string>& db_paths);
    ~Searcher();

    // Error kinds: BadQuery (message from the query parser), IndexError.
    Result<SearchResults> search(const SearchRequest& request);
    Result<AuthorResults> author(const std::string& name, size_t limit = 0);  // 0: all
    // Papers most like the one with `arxiv_id` (query/similar.h), ranked as
    // search ranks. Error kinds: NotFound, IndexError.
    Result<SimilarResults> similar(const std::string& arxiv_id, const Ranking& ranking = {});
    // Error kinds: NotFound, IndexError.
    Result<Paper> show(const std::string& arxiv_id);
    Result<IndexStats> stats();
    // The learned glossary (analyzers/glossary.h): with `term` (English or
    // Korean, any spacing or inflection), the entries either side of which
    // contains it; without, all. At most `limit` entries (0: all).
    Result<GlossaryResults> glossary(const std::string& term, size_t limit = 0);

  private:
    struct Impl;
    explicit Searcher(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace papers
