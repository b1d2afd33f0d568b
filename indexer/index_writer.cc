#include "indexer/index_writer.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

#include "analyzers/analyzer.h"
#include "analyzers/document_data.h"
#include "analyzers/glossary.h"
#include "analyzers/schema.h"
#include "indexer/document_builder.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

// What the index remembers of each digest file it has read, so that an
// unchanged file is skipped and a changed one can retract what it said.
struct FileState {
    uint64_t size = 0;
    int64_t mtime = 0;
    uint64_t hash = 0;
    std::vector<std::string> ids;  // the papers this file contributed

    std::string serialise() const {
        std::ostringstream out;
        out << size << ' ' << mtime << ' ' << hash;
        for (const auto& id : ids) out << ' ' << id;
        return out.str();
    }
    static FileState parse(const std::string& text) {
        FileState state;
        std::istringstream in(text);
        in >> state.size >> state.mtime >> state.hash;
        for (std::string id; in >> id;) state.ids.push_back(id);
        return state;
    }
};

uint64_t fnv1a(std::string_view bytes) {
    uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string hex(uint64_t value) {
    std::ostringstream out;
    out << std::hex << value;
    return out.str();
}

// Xapian limits metadata key length; very long paths are keyed by a hash.
std::string file_key(const std::string& path) {
    const std::string prefix(schema::kMetaFilePrefix);
    return path.size() <= 200 ? prefix + path : prefix + "#" + hex(fnv1a(path));
}

std::string now_iso8601() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

constexpr std::string_view kPaperList = "papers_list.csv";

struct InputFiles {
    std::vector<std::string> digests;      // *.md, sorted
    std::vector<std::string> paper_lists;  // papers_list.csv
    std::vector<std::string> directories;  // the inputs that are directories, canonical
};

// Expands the inputs into digest files (*.md, recursive) and paper lists.
Result<InputFiles> collect_files(const std::vector<std::string>& inputs) {
    InputFiles found;
    std::vector<std::string>& files = found.digests;
    for (const auto& input : inputs) {
        std::error_code ec;
        const fs::path path = fs::absolute(input, ec);
        if (ec || !fs::exists(path, ec))
            return Error{ErrorKind::BadInput, input + ": no such file or directory"};
        if (fs::is_directory(path, ec)) {
            found.directories.push_back(fs::weakly_canonical(path, ec).string());
            fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                                ec),
                end;
            if (ec) return Error{ErrorKind::BadInput, input + ": " + ec.message()};
            for (; it != end; it.increment(ec)) {
                if (ec) return Error{ErrorKind::BadInput, input + ": " + ec.message()};
                if (!it->is_regular_file(ec)) continue;
                if (it->path().filename() == kPaperList)
                    found.paper_lists.push_back(it->path().string());
                else if (it->path().extension() == ".md" && it->path().filename() != "README.md")
                    files.push_back(fs::weakly_canonical(it->path(), ec).string());
            }
        } else {
            files.push_back(fs::weakly_canonical(path, ec).string());
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return found;
}

bool read_file(const std::string& path, std::string& content) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

class Writer {
  public:
    Writer(Xapian::WritableDatabase& db, IndexReport& report) : db_(db), report_(report) {}

    // `force`: read the file even if its size and time are unchanged.
    void index_file(const std::string& path, bool force) {
        ++report_.files_seen;
        std::error_code ec;
        const uint64_t size = fs::file_size(path, ec);
        const auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
        const std::string key = file_key(path);
        const std::string stored = db_.get_metadata(key);
        FileState old = stored.empty() ? FileState{} : FileState::parse(stored);
        if (!force && !stored.empty() && old.size == size && old.mtime == mtime) {
            ++report_.files_unchanged;
            return;
        }
        std::string content;
        if (ec || !read_file(path, content)) {
            ++report_.files_failed;
            report_.issues.push_back({path, 0, "cannot read the file"});
            return;
        }
        FileState state{size, static_cast<int64_t>(mtime), fnv1a(content), {}};
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
            put_occurrence(paper, path);
        }
        for (const auto& id : old.ids)
            if (!now_present.count(id)) retract_occurrence(id, path);
        db_.set_metadata(key, state.serialise());
        ++report_.files_indexed;
    }

    // Files under `directory` that were indexed once and are gone now: their
    // papers are retracted (a paper another file still has stays).
    void forget_missing_files(const std::string& directory) {
        const std::string prefix = file_key(directory + "/");
        std::vector<std::string> gone;
        for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
            std::error_code ec;
            if (!fs::exists((*it).substr(schema::kMetaFilePrefix.size()), ec)) gone.push_back(*it);
        }
        for (const auto& key : gone) {
            const std::string path = key.substr(schema::kMetaFilePrefix.size());
            for (const auto& id : FileState::parse(db_.get_metadata(key)).ids)
                retract_occurrence(id, path);
            db_.set_metadata(key, "");
            ++report_.files_removed;
        }
    }

  private:
    std::optional<StoredPaper> load(const std::string& id) {
        const std::string term = schema::id_term(id);
        Xapian::PostingIterator it = db_.postlist_begin(term);
        if (it == db_.postlist_end(term)) return std::nullopt;
        return from_document_data(db_.get_document(*it).get_data());
    }

    void store(const std::string& id, std::vector<Paper> occurrences) {
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
        db_.replace_document(term, build_document(stored, analyzer_, &words));
        for (const auto& word : words) db_.add_spelling(word);
        ++report_.papers_indexed;
    }

    // The spelling table counts each word once per paper that has it: before
    // a paper is replaced or deleted, its words lose its count (a word no
    // paper has any more is no longer suggested).
    void forget_spelling(const std::string& id) {
        const auto previous = load(id);
        if (!previous) return;
        SpellingWords words;
        build_document(*previous, analyzer_, &words);
        for (const auto& word : words) db_.remove_spelling(word);
    }

    // The occurrences of `id` other than the one read from `path`.
    std::vector<Paper> others(const std::string& id, const std::string& path) {
        std::vector<Paper> kept;
        if (auto existing = load(id)) {
            auto all = existing->occurrences.empty() ? std::vector<Paper>{existing->paper}
                                                     : existing->occurrences;
            for (auto& paper : all)
                if (paper.source_file != path) kept.push_back(std::move(paper));
        }
        return kept;
    }

    void put_occurrence(const Paper& paper, const std::string& path) {
        std::vector<Paper> occurrences = others(paper.arxiv_id, path);
        occurrences.push_back(paper);
        store(paper.arxiv_id, std::move(occurrences));
    }

    void retract_occurrence(const std::string& id, const std::string& path) {
        store(id, others(id, path));
    }

    Xapian::WritableDatabase& db_;
    IndexReport& report_;
    Analyzer analyzer_;
};

// Reports the papers a papers_list.csv lists that the index does not hold.
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

// How a run's writes reach readers.
enum class CommitMode {
    // The live database: one transaction, committed at the end, so readers
    // never see half a run (without it Xapian would commit on its own every
    // XAPIAN_FLUSH_THRESHOLD documents).
    OneTransaction,
    // A database no reader opens yet: Xapian may flush as it goes.
    Bulk,
};

Error index_error(const std::string& db_path, const std::string& message) {
    return Error{ErrorKind::IndexError, db_path + ": " + message};
}

// Another schema version's, or "" (an index of issue 2 wrote none).
std::string other_schema(const Xapian::Database& db) {
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    return version.empty() || version == schema::kSchemaVersion ? "" : version;
}

// Refuses a database written by another schema version.
std::optional<Error> check_schema(const Xapian::WritableDatabase& db, const std::string& path) {
    const std::string version = other_schema(db);
    if (version.empty()) return std::nullopt;
    return index_error(path, "made by another version of papers (schema " + version +
                                 "); run papers rebuild, or remove it and index again");
}

// The synonyms follow the XG terms as they are now, so a replaced or
// retracted paper counts no more (schema.h). Called before the run commits.
void write_glossary_synonyms(Xapian::WritableDatabase& db) {
    std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
    for (const auto& key : old_keys) db.clear_synonyms(key);
    for (const auto& entry : learned_glossary(db)) {
        db.add_synonym(entry.english_key, entry.korean_key);
        db.add_synonym(entry.korean_key, entry.english_key);
    }
    const Analyzer analyzer;
    for (const auto& word : learned_word_translations(db, analyzer))
        db.add_synonym(word_translation_key(word.english_stem), word.korean_stem);
}

void write_files(Xapian::WritableDatabase& db, const InputFiles& inputs, bool force,
                 const IndexProgress& progress, IndexReport& report) {
    Writer writer(db, report);
    const std::vector<std::string>& files = inputs.digests;
    for (size_t i = 0; i < files.size(); ++i) {
        writer.index_file(files[i], force);
        if (progress) progress(files[i], i + 1, files.size());
    }
    for (const auto& directory : inputs.directories) writer.forget_missing_files(directory);
    write_glossary_synonyms(db);
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    db.set_metadata(std::string(schema::kMetaLastUpdate), now_iso8601());
}

// Indexes `inputs` into the glass database at `path`: open -> check schema ->
// write -> commit -> count and check paper lists.
Result<IndexReport> write_database(const std::string& path, const InputFiles& inputs,
                                   const IndexRequest& request, const IndexProgress& progress,
                                   CommitMode mode) {
    IndexReport report;
    try {
        // The live database must exist: never create an empty one in its place.
        const int action =
            mode == CommitMode::OneTransaction ? Xapian::DB_OPEN : Xapian::DB_CREATE_OR_OPEN;
        Xapian::WritableDatabase db(path, action | Xapian::DB_BACKEND_GLASS);
        if (auto mismatch = check_schema(db, path)) return *mismatch;
        if (mode == CommitMode::OneTransaction) db.begin_transaction();
        write_files(db, inputs, request.force, progress, report);
        if (mode == CommitMode::OneTransaction)
            db.commit_transaction();
        else
            db.commit();
        report.papers_total = db.get_doccount();
        for (const auto& list : inputs.paper_lists) check_paper_list(db, list, report);
    } catch (const Xapian::DatabaseLockError& e) {
        return index_error(path, "another process is writing this index (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        return index_error(path, e.get_description());
    } catch (const std::exception& e) {
        return index_error(path, e.what());
    }
    return report;
}

// Nothing published yet: build a first generation, then publish it.
Result<IndexReport> build_first_generation(const WriterLock& lock, const InputFiles& inputs,
                                           const IndexRequest& request,
                                           const IndexProgress& progress) {
    const std::string generation = next_generation(lock.dir());
    const std::string path = (fs::path(lock.dir()) / generation).string();
    auto report = write_database(path, inputs, request, progress, CommitMode::Bulk);
    if (report) {
        if (auto synced = sync_tree(path); !synced) report = synced.error();
    }
    if (report) {
        if (auto published = publish(lock, generation); !published) report = published.error();
    }
    if (!report) {
        std::error_code ec;
        fs::remove_all(path, ec);  // unpublished: recover() would remove it anyway
    }
    return report;
}

// Into the live database, or a first generation when there is none yet.
Result<IndexReport> index_live(const WriterLock& lock, const InputFiles& inputs,
                               const IndexRequest& request, const IndexProgress& progress) {
    const auto live = live_database(lock.dir());
    if (!live) return build_first_generation(lock, inputs, request, progress);
    auto report = write_database(*live, inputs, request, progress, CommitMode::OneTransaction);
    if (!report && detect_layout(lock.dir()) == IndexLayout::Stub)
        report = Error{ErrorKind::IndexError,
                       report.error().message + " (run papers rebuild to make a new index)"};
    return report;
}

}  // namespace

Result<IndexReport> index_paths(const IndexRequest& request, const IndexProgress& progress) {
    auto inputs = collect_files(request.inputs);  // a missing input: before touching DIR
    if (!inputs) return inputs.error();
    auto lock = WriterLock::acquire(request.db_path, "index", request.wait);
    if (!lock) return lock.error();
    if (auto recovered = recover(*lock); !recovered) return recovered.error();
    return index_live(*lock, *inputs, request, progress);
}

Result<IndexReport> index_paths(const WriterLock& lock, const IndexRequest& request,
                                const IndexProgress& progress) {
    auto inputs = collect_files(request.inputs);
    if (!inputs) return inputs.error();
    return index_live(lock, *inputs, request, progress);
}

Result<IndexReport> index_into(const std::string& database, const IndexRequest& request,
                               const IndexProgress& progress) {
    auto inputs = collect_files(request.inputs);
    if (!inputs) return inputs.error();
    return write_database(database, *inputs, request, progress, CommitMode::Bulk);
}

std::string outdated_schema(const std::string& db_path) {
    try {
        return other_schema(Xapian::Database(db_path));
    } catch (const Xapian::Error&) {
        return "";  // no index yet (or none readable): nothing to convert
    }
}

}  // namespace papers
