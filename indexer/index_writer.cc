#include "indexer/index_writer.h"

#include <xapian.h>

#include <filesystem>

#include "analyzers/schema.h"
#include "indexer/changesets.h"
#include "indexer/digest_files.h"
#include "indexer/file_writer.h"
#include "indexer/run_end.h"
#include "indexer/sharded_build.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

// How a run's writes reach readers.
enum class CommitMode {
    // The live database: one transaction, committed at the end, so readers
    // never see half a run (without it Xapian would commit on its own every
    // XAPIAN_FLUSH_THRESHOLD documents).
    OneTransaction,
    // A database no reader opens yet: flushed as it goes, whenever Xapian
    // buffers IndexRequest::memory_bytes.
    Bulk,
};

Error index_error(const std::string& db_path, const std::string& message) {
    return Error{ErrorKind::IndexError, db_path + ": " + message};
}

void write_files(Xapian::WritableDatabase& db, const InputFiles& inputs, bool force,
                 size_t flush_bytes, const IndexProgress& progress, IndexReport& report) {
    FileWriter writer(db, report, flush_bytes);
    const std::vector<std::string>& files = inputs.digests;
    for (size_t i = 0; i < files.size(); ++i) {
        writer.index_file(files[i], force);
        if (progress) progress(files[i], i + 1, files.size());
    }
    for (const auto& directory : inputs.directories)
        writer.forget_missing_files(directory, inputs.digests);
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
        if (auto mismatch = schema::check_version(db, path)) return *mismatch;
        const size_t live_papers = db.get_doccount();
        if (mode == CommitMode::OneTransaction) db.begin_transaction();
        const size_t flush_bytes = mode == CommitMode::Bulk ? request.memory_bytes : 0;
        write_files(db, inputs, request.force, flush_bytes, progress, report);
        if (mode == CommitMode::OneTransaction && request.keep_most_papers) {
            if (auto lost = check_kept_papers(live_papers, db.get_doccount(), "--force")) {
                db.cancel_transaction();
                return *lost;
            }
        }
        finish_index_run(db, db);
        if (mode == CommitMode::OneTransaction)
            commit_with_votes(db, path, [&] { db.commit_transaction(); });
        else
            commit_with_votes(db, path);
        count_papers(db, inputs.paper_lists, report);
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
    const std::string shards = build_directory(lock.dir(), generation);
    auto report = build_sharded(inputs, {shards, path, 0, request.memory_bytes}, progress);
    std::error_code ec;
    fs::remove_all(shards, ec);
    if (report) {
        if (auto synced = sync_tree(path); !synced) report = synced.error();
    }
    if (report) {
        if (auto published = publish(lock, generation); !published) report = published.error();
    }
    if (!report) {
        fs::remove_all(path, ec);  // unpublished: recover() would remove it anyway
    }
    return report;
}

// Into the live database, or a first generation when there is none yet.
Result<IndexReport> index_live(const WriterLock& lock, const InputFiles& inputs,
                               const IndexRequest& request, const IndexProgress& progress) {
    const auto live = live_database(lock.dir());
    if (!live) return build_first_generation(lock, inputs, request, progress);
    keep_changesets_for_mirrors(lock.dir());
    auto report = write_database(*live, inputs, request, progress, CommitMode::OneTransaction);
    if (!report && report.error().kind == ErrorKind::IndexError &&
        detect_layout(lock.dir()) == IndexLayout::Stub)
        report = Error{ErrorKind::IndexError,
                       report.error().message + " (run papers rebuild to make a new index)"};
    return report;
}

}  // namespace

Result<IndexReport> index_paths(const IndexRequest& request, const IndexProgress& progress) {
    auto inputs = collect_files(request.inputs);  // a missing input: before touching DIR
    if (!inputs) return inputs.error();
    auto run = start_writer_run(request.db_path, "index", request.wait);
    if (!run) return run.error();
    return index_live(run->lock, *inputs, request, progress);
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

std::optional<Error> check_kept_papers(size_t live, size_t after, const std::string& force_flag) {
    if (after >= live - live / 2) return std::nullopt;
    return Error{ErrorKind::BadInput,
                 "the index would go from " + std::to_string(live) + " papers to " +
                     std::to_string(after) +
                     ": not done, the index is unchanged (a wrong corpus directory? " + force_flag +
                     " does it anyway)"};
}

std::string outdated_schema(const std::string& db_path) {
    try {
        return schema::other_version(Xapian::Database(db_path));
    } catch (const Xapian::Error&) {
        return "";  // no index yet (or none readable): nothing to convert
    }
}

}  // namespace papers
