#include "query/searcher.h"

#include "analyzers/analyzer.h"
#include "analyzers/utf8.h"
#include "query/live_database.h"
#include "query/lookups.h"
#include "query/paper_cache.h"
#include "query/search_ladder.h"
#include "query/vote_prior.h"

namespace papers {

struct Searcher::Impl {
    LiveDatabase live;
    Analyzer analyzer;
    PaperCache papers;  // of the database as it is open now
    // Of the database as it is open now, filled by the first search that
    // reads enough of it (query/vote_prior.h).
    std::shared_ptr<VotePriorTable> priors = std::make_shared<VotePriorTable>();
    ReadContext context{live.db(), analyzer, papers, priors, live.portable_prior()};

    Impl() {
        live.on_change([this] {
            papers.clear();
            priors->clear();
            priors->set_directory(live.directory());
        });
    }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& db_path) {
    return open(std::vector<std::string>{db_path});
}

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::string>& db_paths) {
    auto impl = std::make_unique<Impl>();
    if (auto opened = impl->live.open(db_paths); !opened) return opened.error();
    return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

// Text from outside (a command line) may be any bytes; the Analyzer reads
// UTF-8 only, so invalid sequences become U+FFFD first.
Result<SearchResults> Searcher::search(const SearchRequest& request) {
    if (!is_valid_utf8(request.query)) {
        SearchRequest valid = request;
        valid.query = sanitize_utf8(request.query);
        return search(valid);
    }
    return impl_->live.with_reopen([&] { return run_search(impl_->context, request); });
}

Result<AuthorResults> Searcher::author(const std::string& name, size_t limit) {
    if (!is_valid_utf8(name)) return author(sanitize_utf8(name), limit);
    return impl_->live.with_reopen([&] { return find_author(impl_->context, name, limit); });
}

Result<SimilarResults> Searcher::similar(const std::string& arxiv_id, const Ranking& ranking) {
    return impl_->live.with_reopen([&] { return find_similar(impl_->context, arxiv_id, ranking); });
}

Result<Paper> Searcher::show(const std::string& arxiv_id) {
    return impl_->live.with_reopen([&] { return find_paper(impl_->context, arxiv_id); });
}

Result<IndexStats> Searcher::stats() {
    return impl_->live.with_reopen(
        [&] { return index_stats(impl_->context, impl_->live.local_bytes()); });
}

Result<GlossaryResults> Searcher::glossary(const std::string& term, size_t limit) {
    if (!is_valid_utf8(term)) return glossary(sanitize_utf8(term), limit);
    return impl_->live.with_reopen([&] { return find_glossary(impl_->context, term, limit); });
}

}  // namespace papers
