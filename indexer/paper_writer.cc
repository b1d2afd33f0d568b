#include "indexer/paper_writer.h"

#include "analyzers/schema.h"
#include "indexer/document_builder.h"

namespace papers {

namespace {

// Xapian's buffers hold, per posting, the term, its document and wdf, and per
// position a few bytes; plus the document data and the termlist. Rough on
// purpose: the real corpus peaks at 31 MB RSS with an 8 MiB budget, a 1M
// corpus at 324 MB with the default 256 MiB.
size_t buffered_bytes(const Xapian::Document& doc) {
    return doc.get_data().size() + 96 * doc.termlist_count();
}

}  // namespace

std::optional<StoredPaper> PaperWriter::load(const std::string& id) {
    const std::string term = schema::id_term(id);
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return from_document_data(db_.get_document(*it).get_data());
}

void PaperWriter::store(const std::string& id, std::vector<Paper> occurrences) {
    const std::string term = schema::id_term(id);
    forget_spelling(id);
    if (occurrences.empty()) {
        db_.delete_document(term);
        return;
    }
    StoredPaper stored;
    stored.paper = merge_occurrences(occurrences);
    if (occurrences.size() > 1) stored.occurrences = std::move(occurrences);
    SpellingWords words;
    const Xapian::Document doc = build_document(stored, analyzer_, &words);
    pending_bytes_ += buffered_bytes(doc);
    db_.replace_document(term, doc);
    for (const auto& word : words) db_.add_spelling(word);
    ++papers_written_;
}

// The spelling table counts each word once per paper that has it: before a
// paper is replaced or deleted, its words lose its count (a word no paper has
// any more is no longer suggested).
void PaperWriter::forget_spelling(const std::string& id) {
    const auto previous = load(id);
    if (!previous) return;
    SpellingWords words;
    build_document(*previous, analyzer_, &words);
    for (const auto& word : words) db_.remove_spelling(word);
}

std::vector<Paper> PaperWriter::occurrences(const std::string& id) {
    auto existing = load(id);
    if (!existing) return {};
    if (existing->occurrences.empty()) return {std::move(existing->paper)};
    return std::move(existing->occurrences);
}

// The occurrences of `id` other than the one read from `path`.
std::vector<Paper> PaperWriter::others(const std::string& id, const std::string& path) {
    std::vector<Paper> kept;
    for (auto& paper : occurrences(id))
        if (paper.source_file != path) kept.push_back(std::move(paper));
    return kept;
}

void PaperWriter::put_occurrence(const Paper& paper, const std::string& path) {
    std::vector<Paper> occurrences = others(paper.arxiv_id, path);
    occurrences.push_back(paper);
    store(paper.arxiv_id, std::move(occurrences));
}

void PaperWriter::retract_occurrence(const std::string& id, const std::string& path) {
    store(id, others(id, path));
}

void PaperWriter::add_occurrences(const std::string& id, const std::vector<Paper>& more) {
    std::vector<Paper> all = occurrences(id);
    all.insert(all.end(), more.begin(), more.end());
    store(id, std::move(all));
}

void PaperWriter::remove(const std::string& id) {
    store(id, {});
}

void PaperWriter::commit() {
    db_.commit();
    pending_bytes_ = 0;
}

}  // namespace papers
