#include "tools/eval/our_index.h"

#include <stdexcept>

#include "indexer/index_writer.h"

namespace papers::eval {

void build_our_index(const std::filesystem::path& db_dir, const std::string& corpus) {
    IndexRequest request;
    request.db_path = db_dir.string();
    request.inputs = {corpus};
    auto report = index_paths(request);
    if (!report) throw std::runtime_error("our index: " + report.error().message);
}

Ranked search_ours(Searcher& searcher, const SearchRequest& request) {
    auto results = searcher.search(request);
    if (!results) throw std::runtime_error("our search: " + results.error().message);
    Ranked ranked;
    ranked.relaxed = results->relaxed;
    for (const auto& hit : results->hits) {
        ranked.ids.push_back(hit.paper.arxiv_id);
        if (!hit.partial) ++ranked.every_word;
    }
    return ranked;
}

std::vector<std::string> matched_ids(const Ranked& ranked) {
    if (ranked.relaxed) return {};
    return {ranked.ids.begin(), ranked.ids.begin() + ranked.every_word};
}

Ranked author_ours(Searcher& searcher, const std::string& name) {
    auto results = searcher.author(name);
    if (!results) throw std::runtime_error("our author lookup: " + results.error().message);
    Ranked ranked;
    for (const auto& hit : results->hits) ranked.ids.push_back(hit.paper.arxiv_id);
    return ranked;
}

}  // namespace papers::eval
