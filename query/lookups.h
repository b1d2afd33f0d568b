// The lookups of a Searcher other than search: papers like one, an author's
// papers, one paper, the learned glossary and the index's statistics.
#pragma once

#include <string>

#include "analyzers/error.h"
#include "query/search_ladder.h"
#include "query/search_results.h"

namespace papers {

// Error kinds: NotFound.
Result<SimilarResults> find_similar(const ReadContext& context, const std::string& arxiv_id,
                                    const Ranking& ranking);
// Error kind: BadQuery (no name). 0: every paper.
Result<AuthorResults> find_author(const ReadContext& context, const std::string& name,
                                  size_t limit);
// Error kind: NotFound.
Result<Paper> find_paper(const ReadContext& context, const std::string& arxiv_id);
// Error kind: BadQuery (a term with no words).
Result<GlossaryResults> find_glossary(const ReadContext& context, const std::string& term,
                                      size_t limit);
// `index_bytes`: the size of the index's local files.
Result<IndexStats> index_stats(const ReadContext& context, uint64_t index_bytes);

}  // namespace papers
