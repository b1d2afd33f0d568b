// What `papers update` and `papers rebuild` share: their writer flags (--db,
// --wait), the first steps of every writer run (resolve the index directory,
// take the writer lock, remove what an interrupted run left), log helpers.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "indexer/index_store.h"
#include "indexer/rebuild.h"
#include "tools/log.h"
#include "tools/terminal.h"

namespace papers::cli {

struct WriterOptions {
    std::string db;  // --db; empty: $PAPERS_DB, then the XDG default
    bool wait = false;
    // Publish an index with fewer than half of the live one's papers
    // (indexer/index_writer.h, check_kept_papers).
    bool force = false;
};

// Adds --db, --wait and --force.
void add_writer_options(CLI::App& command, WriterOptions& options);

struct WriterSession {
    std::string db_path;
    WriterLock lock;
};

// resolve --db -> take the lock (waiting, with a log line, if --wait) ->
// recover. `who` names the command for another writer's busy message.
// Error kinds: BadInput, Busy, IndexError.
Result<WriterSession> open_writer_session(const WriterOptions& options, const std::string& who,
                                          const Logger& log);

// papers rebuild's work: every digest under `corpus` into a new generation,
// compacted and swapped in; a progress line on a terminal unless `quiet`.
// `force`: even with fewer than half of the live index's papers.
Result<RebuildReport> rebuild_with_progress(const WriterSession& session, const std::string& corpus,
                                            bool quiet, bool force);

// The flush budget of a build (IndexRequest::memory_bytes):
// $PAPERS_INDEX_MEMORY_MB, else the library's default.
size_t index_memory_budget();

// Shows each file of an index run on `line`: "[12/800] path".
IndexProgress progress_callback(ProgressLine& line);

// Logs `error` and returns its exit code.
int fail(const Logger& log, const Error& error);

// "3.4 s", for logs (sizes: human_bytes, tools/terminal.h).
std::string seconds_text(double seconds);

}  // namespace papers::cli
