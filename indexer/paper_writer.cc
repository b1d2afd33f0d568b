#include "indexer/paper_writer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "analyzers/glossary.h"
#include "analyzers/schema.h"
#include "analyzers/utc_time.h"
#include "analyzers/vote_table.h"
#include "indexer/digest_files.h"
#include "indexer/document_builder.h"
#include "indexer/paper_list.h"

namespace papers {
namespace fs = std::filesystem;

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

// The occurrences of `id` other than the one read from `path`.
std::vector<Paper> PaperWriter::others(const std::string& id, const std::string& path) {
    std::vector<Paper> kept;
    if (auto existing = load(id)) {
        auto all = existing->occurrences.empty() ? std::vector<Paper>{existing->paper}
                                                 : existing->occurrences;
        for (auto& paper : all)
            if (paper.source_file != path) kept.push_back(std::move(paper));
    }
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

void FileWriter::index_file(const std::string& path, bool force) {
    ++report_.files_seen;
    const std::string key = file_key(path);
    const std::string stored = db_.get_metadata(key);
    FileState old = stored.empty() ? FileState{} : FileState::parse(stored);
    FileState state;
    const bool stated = stat_file(path, state);
    if (!force && stated && !stored.empty() && old.size == state.size && old.mtime == state.mtime) {
        ++report_.files_unchanged;
        return;
    }
    std::string content;
    if (!stated || !read_file(path, content)) {
        ++report_.files_failed;
        report_.issues.push_back({path, 0, "cannot read the file"});
        return;
    }
    state.hash = content_hash(content);
    if (!force && !stored.empty() && old.hash == state.hash) {  // touched, not changed
        state.ids = old.ids;
        db_.set_metadata(key, state.serialise());
        ++report_.files_unchanged;
        return;
    }
    DigestParse parse = parse_digest(content, path);
    report_.issues.insert(report_.issues.end(), parse.issues.begin(), parse.issues.end());
    if (parse.date.empty()) {
        ++report_.files_failed;
        return;
    }
    std::set<std::string> now_present;
    for (const auto& paper : parse.papers) {
        if (!now_present.insert(paper.arxiv_id).second) continue;
        state.ids.push_back(paper.arxiv_id);
        papers_.put_occurrence(paper, path);
    }
    for (const auto& id : old.ids)
        if (!now_present.count(id)) papers_.retract_occurrence(id, path);
    db_.set_metadata(key, state.serialise());
    ++report_.files_indexed;
    if (flush_bytes_ && papers_.pending_bytes() > flush_bytes_) papers_.commit();
}

void FileWriter::forget_missing_files(const std::string& directory,
                                      const std::vector<std::string>& present) {
    const std::string prefix = file_key(directory + "/");
    std::vector<std::string> gone;
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        const std::string path = (*it).substr(schema::kMetaFilePrefix.size());
        std::error_code ec;
        if (!std::binary_search(present.begin(), present.end(), path) && !fs::exists(path, ec))
            gone.push_back(*it);
    }
    for (const auto& key : gone) {
        const std::string path = key.substr(schema::kMetaFilePrefix.size());
        for (const auto& id : FileState::parse(db_.get_metadata(key)).ids)
            papers_.retract_occurrence(id, path);
        db_.set_metadata(key, "");
        ++report_.files_removed;
    }
}

size_t index_memory_bytes() {
    constexpr size_t kMiB = 1024 * 1024;
    if (const char* text = std::getenv("PAPERS_INDEX_MEMORY_MB")) {
        char* end = nullptr;
        const unsigned long long mib = std::strtoull(text, &end, 10);
        if (end != text && *end == '\0' && mib > 0) return static_cast<size_t>(mib) * kMiB;
    }
    return 256 * kMiB;
}

void PaperWriter::add_occurrences(const std::string& id, const std::vector<Paper>& more) {
    std::vector<Paper> occurrences;
    if (auto existing = load(id))
        occurrences = existing->occurrences.empty() ? std::vector<Paper>{existing->paper}
                                                    : existing->occurrences;
    occurrences.insert(occurrences.end(), more.begin(), more.end());
    store(id, std::move(occurrences));
}

void PaperWriter::remove(const std::string& id) {
    store(id, {});
}

void PaperWriter::commit() {
    db_.commit();
    pending_bytes_ = 0;
}

namespace {

using Synonyms = std::map<std::string, std::set<std::string>>;

// Makes the synonym table hold `wanted`, rewriting only the keys that
// changed: a day added rarely changes any, and rewriting them all cost a
// nightly run at a million papers 6,600 block reads and writes.
void write_synonyms(Xapian::WritableDatabase& db, const Synonyms& wanted) {
    std::set<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const auto& key : old_keys) {
        const auto it = wanted.find(key);
        if (it != wanted.end() &&
            std::set<std::string>(db.synonyms_begin(key), db.synonyms_end(key)) == it->second)
            continue;
        db.clear_synonyms(key);
        if (it != wanted.end())
            for (const auto& synonym : it->second) db.add_synonym(key, synonym);
    }
    for (const auto& [key, synonyms] : wanted)
        if (!old_keys.count(key))
            for (const auto& synonym : synonyms) db.add_synonym(key, synonym);
}

}  // namespace

// The synonyms follow the XG terms as they are now, so a replaced or
// retracted paper counts no more (schema.h).
void finish_index_run(Xapian::WritableDatabase& db, const Xapian::Database& glossary_source) {
    Synonyms wanted;
    for (const auto& entry : learned_glossary(glossary_source)) {
        wanted[entry.english_key].insert(entry.korean_key);
        wanted[entry.korean_key].insert(entry.english_key);
    }
    const Analyzer analyzer;
    for (const auto& word : learned_word_translations(glossary_source, analyzer))
        wanted[word_translation_key(word.english_stem)].insert(word.korean_stem);
    write_synonyms(db, wanted);
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    db.set_metadata(std::string(schema::kMetaLastUpdate), utc_now_iso8601());
}

std::string store_vote_table(Xapian::WritableDatabase& db) {
    std::string table = VoteTable::pack_for_commit(db);
    db.set_metadata(std::string(schema::kMetaVoteTable), table);
    return table;
}

void check_paper_list(const Xapian::Database& db, const std::string& path, IndexReport& report) {
    std::string csv;
    if (!read_file(path, csv)) {
        report.issues.push_back({path, 0, "cannot read the file"});
        return;
    }
    for (auto& listed : parse_paper_list(csv)) {
        ++report.listed;
        if (listed.arxiv_id.empty() || !db.term_exists(schema::id_term(listed.arxiv_id)))
            report.listed_absent.push_back(std::move(listed));
    }
}

}  // namespace papers
