// The writer's half of an index directory DIR (the --db path; its layout is
// in analyzers/index_layout.h): the writer lock, and how a new generation of
// the index is published.
//
// Publishing generation G (publish()):
//   1. write "auto G" to XAPIANDB.tmp, fsync it;
//   2. rename() it over XAPIANDB (atomic: a reader sees the old or the new
//      stub, never a mix), fsync DIR so the rename survives a power cut;
//   3. legacy layout only: unlink DIR/iamglass first (Xapian prefers
//      iamglass to XAPIANDB, so from here on readers follow the stub), then
//      the other glass files;
//   4. remove every generation other than G.
// Crash points: before 2, the old index is live and the new generation is a
// leftover; after 2, the new one is live and the old one (or the legacy
// files, which readers still prefer while iamglass exists) is a leftover.
// recover() removes leftovers at the start of every writer run, under the
// lock, so the next run always starts from exactly one published index.
// Readers that still have an old generation open keep reading it (its files
// stay alive until closed); their next reopen from DIR finds the new one.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/error.h"
#include "analyzers/index_layout.h"

namespace papers {

// One writer at a time per index directory: an exclusive flock() on
// DIR/.papers-writer.lock, released when this object is destroyed or the
// process dies (even by SIGKILL), so a crash never leaves a stale lock.
class WriterLock {
  public:
    // Creates DIR if needed. `who` (e.g. "update") is recorded with the pid
    // for the message another writer gets. With `wait`, blocks until the
    // lock is free; without, a held lock is an error of kind Busy:
    // "another papers update is running (pid N)". Other failures: IndexError.
    static Result<WriterLock> acquire(const std::string& dir, const std::string& who, bool wait);

    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock();

    const std::string& dir() const { return dir_; }

  private:
    WriterLock(std::string dir, int fd) : dir_(std::move(dir)), fd_(fd) {}
    std::string dir_;
    int fd_ = -1;
};

// A generation name newer than every one present in DIR or named by its stub.
std::string next_generation(const std::string& dir);

// Where a rebuild of `generation` writes before compacting into DIR/generation.
std::string build_directory(const std::string& dir, const std::string& generation);

struct Recovery {
    std::vector<std::string> removed;  // leftover paths removed (for the log)
    bool finished_conversion = false;  // legacy glass files removed after a published stub
    bool broken_stub = false;          // XAPIANDB names no database: only rebuild can help
};

// Cleans what an interrupted writer left: unpublished generations and build
// directories, a stub being written, old generations, and the legacy glass
// files of a converted directory. A stub that names no database (damage
// from outside) is reported and left alone. Error kind: IndexError.
Result<Recovery> recover(const WriterLock& lock);

// The start of every writer run (index, update, rebuild): takes the writer
// lock of `dir` and recover()s. With `wait`, a held lock is waited for,
// after `on_wait` is told who holds it; without, it is an error of kind Busy.
// Error kinds: Busy, IndexError.
struct WriterRun {
    WriterLock lock;
    Recovery recovery;  // what was cleaned, for the log
};
Result<WriterRun> start_writer_run(const std::string& dir, const std::string& who, bool wait,
                                   const std::function<void(const Error& busy)>& on_wait = {});

// Makes DIR/generation (a complete, committed glass database) the live
// index, as described above, and removes what it replaces. Returns the path
// of the published database. Error kind: IndexError, only when the stub could
// not be renamed into place: then the old index is still the live one.
Result<std::string> publish(const WriterLock& lock, const std::string& generation);

// fsync()s every file under `path` and the directories themselves, so a
// generation is on disk before the stub that names it.
Result<bool> sync_tree(const std::string& path);

}  // namespace papers
