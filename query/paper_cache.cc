#include "query/paper_cache.h"

#include "analyzers/document_data.h"

namespace papers {
namespace {

// Papers a Searcher keeps read and analysed: a few pages of results for the
// queries a long-lived Searcher meets most; each holds one paper's record
// and, once a snippet was cut from it, its analysed summary (tens of kB).
constexpr size_t kCachedPapers = 512;

}  // namespace

Hit PaperCache::hit(const Xapian::MSetIterator& match, const std::set<std::string>& terms,
                    const Analyzer& analyzer) {
    Hit hit;
    hit.rank = match.get_rank() + 1;
    hit.score = match.get_weight();
    Entry& entry = get(match);
    hit.paper = entry.paper;
    if (!entry.source && !terms.empty()) entry.source = snippet_source(entry.paper, analyzer);
    Snippet snippet = terms.empty() ? make_snippet(entry.paper, terms, analyzer)
                                    : make_snippet(*entry.source, terms);
    hit.snippet = std::move(snippet.text);
    hit.highlights = std::move(snippet.highlights);
    return hit;
}

PaperCache::Entry& PaperCache::get(const Xapian::MSetIterator& match) {
    const Xapian::docid docid = *match;
    if (const auto it = index_.find(docid); it != index_.end()) {
        order_.splice(order_.begin(), order_, it->second);
        return it->second->second;
    }
    Paper paper = paper_from_document_data(match.get_document().get_data());
    order_.emplace_front(docid, Entry{std::move(paper), std::nullopt});
    index_[docid] = order_.begin();
    if (order_.size() > kCachedPapers) {
        index_.erase(order_.back().first);
        order_.pop_back();
    }
    return order_.front().second;
}

void PaperCache::clear() {
    order_.clear();
    index_.clear();
}

}  // namespace papers
