// The write side: turns digest files into Xapian documents, one per arXiv id,
// incrementally (a file whose size, mtime and content hash are unchanged is
// skipped) and idempotently (replace_document on the unique id term). One
// writer at a time, and readers see a whole run or none of it
// (indexer/index_store.h has the directory layout and the lock).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/error.h"
#include "indexer/index_report.h"
#include "indexer/index_store.h"

namespace papers {

// The flush budget of a build (IndexRequest::memory_bytes): the real corpus
// peaks at 31 MB RSS with 8 MiB, a 1M corpus at 324 MB with this.
inline constexpr size_t kDefaultIndexMemoryBytes = size_t{256} << 20;

struct IndexRequest {
    std::string db_path;              // the index directory (index_store.h)
    std::vector<std::string> inputs;  // digest files or directories (recursive, *.md;
                                      // a papers_list.csv found there is checked too)
    bool force = false;               // re-index unchanged files too
    bool wait = false;                // wait for another writer instead of failing (Busy)
    // Refuse to commit a run that would leave the live index with fewer than
    // half of its papers (check_kept_papers): for update, whose corpus path
    // may be wrong at night; `papers index` forgets what it is told to.
    bool keep_most_papers = false;
    // A build no reader sees yet (the first generation, index_into) commits
    // whenever Xapian buffers about this many bytes of changes (summed over
    // a sharded build's workers). A live index run is one transaction and
    // cannot flush; a nightly update is a day or two of papers.
    size_t memory_bytes = kDefaultIndexMemoryBytes;
};

// A writer run must not replace an index by one with fewer than half of its
// papers unless forced: a nightly job given a wrong or empty corpus path would
// throw a good index away without a word. An error (kind BadInput) saying so
// when `after` is below half of `live`; `force_flag` names the flag that
// allows it anyway.
std::optional<Error> check_kept_papers(size_t live, size_t after, const std::string& force_flag);

// Called once per file as it is processed (for progress display).
using IndexProgress = std::function<void(const std::string& file, size_t done, size_t total)>;

// Starts a writer run on request.db_path (start_writer_run: the lock, then
// recover(); what was recovered is not reported: `papers index` goes through
// the CLI's writer session, which logs it), then indexes as below. For tests
// and tools. Error kinds: BadInput (an input path does not exist), Busy
// (another writer, unless request.wait), IndexError.
Result<IndexReport> index_paths(const IndexRequest& request, const IndexProgress& progress = {});

// With the writer lock of request.db_path held and recover() done: writes
// into the live database in one Xapian transaction, so readers see the whole
// run or none of it and a crash loses only the unfinished run. When nothing
// is published yet, builds a first generation and publishes it instead.
Result<IndexReport> index_paths(const WriterLock& lock, const IndexRequest& request,
                                const IndexProgress& progress = {});

// The schema version of the index at `db_path` when another version of
// papers wrote it, else "" (this version's, or no index yet). index_paths
// refuses such an index; it must be rebuilt from the corpus.
std::string outdated_schema(const std::string& db_path);

// Writes into the glass database at `database` (created if needed), letting
// Xapian flush as it goes; nothing is published. For rebuild, whose build
// directory no reader opens. The caller holds the writer lock.
Result<IndexReport> index_into(const std::string& database, const IndexRequest& request,
                               const IndexProgress& progress = {});

}  // namespace papers
