// The read side of the index: search, author lookup, similar papers, show,
// glossary and stats. Opens the database read-only, and each operation works
// on the latest published index (query/live_database.h): a Searcher follows
// commits and generation swaps, and one that meets a concurrent writer
// reopens and retries, so a running update or rebuild never makes it fail.
// An index of another schema version is refused (IndexError) with the advice
// to run `papers rebuild`.
//
// Not thread-safe: a Searcher keeps the papers and vote priors it read, and
// an Analyzer's scratch space. Give each thread its own.
#pragma once

#include <memory>
#include <string>

#include "analyzers/error.h"
#include "query/search_results.h"

namespace papers {

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
