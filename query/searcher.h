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

struct SearchRequest {
    std::string query;
    size_t limit = 10;
    size_t offset = 0;
    SortOrder sort = SortOrder::Relevance;
    // Ranking: score = BM25 text score + votes_weight * log(1 + votes).
    double votes_weight = 0.5;
    bool explain = false;  // fill Hit::explanation
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
};

struct SearchResults {
    std::string query;
    size_t total = 0;      // estimated number of matches (exact for small result sets)
    bool relaxed = false;  // no paper had every word, so any word was accepted
    std::vector<Hit> hits;
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
    ~Searcher();

    // Error kinds: BadQuery (message from the query parser), IndexError.
    Result<SearchResults> search(const SearchRequest& request);
    Result<AuthorResults> author(const std::string& name, size_t limit = 0);  // 0: all
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
