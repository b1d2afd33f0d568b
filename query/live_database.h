// The reopen and retry policy of a reader: a read-only Xapian database that
// follows the index at a path (analyzers/index_layout.h). Before each
// operation it picks up the latest commit, or the new generation a rebuild
// swapped in; an operation that meets a concurrent writer's
// DatabaseModifiedError, or a generation removed under it, reopens from the
// path and runs again. An index of another schema version is refused.
//
// Not thread-safe: one per Searcher, one Searcher per thread.
#pragma once

#include <sys/types.h>
#include <xapian.h>

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

#include "analyzers/error.h"

namespace papers {

class LiveDatabase {
  public:
    // Opens the index at `path`, retrying while a rebuild swaps generations.
    // Error kinds: NoIndex (nothing at `path`), IndexError (unreadable, not
    // an index, another schema version).
    Result<bool> open(const std::string& path);

    const std::string& path() const { return path_; }
    // The database as open now; its object stays the same across reopens.
    const Xapian::Database& db() const { return db_; }
    // The directory of the live database's files ("" when unknown).
    const std::string& directory() const { return directory_; }
    // Called whenever the open database changes: what was read of the old
    // one is stale.
    void on_change(std::function<void()> forget) { on_change_ = std::move(forget); }

    // Runs `body` on the latest index, reopening if a writer changes it
    // under us. Retries open from the path, not with db.reopen(): that would
    // re-read the generation it has open, which a rebuild may have removed;
    // the path re-reads the stub and finds the live one.
    template <typename Body>
    auto with_reopen(Body body) -> decltype(body()) {
        for (int attempt = 1;; ++attempt) {
            const bool last = attempt == kAttempts;
            try {
                if (attempt == 1)
                    refresh();
                else
                    open_from_path();
                if (other_schema_) return *other_schema_;
                return body();
            } catch (const Xapian::DatabaseModifiedError& e) {  // a commit
                if (last) return read_error(e);
            } catch (const Xapian::DatabaseOpeningError& e) {  // a swapped generation
                if (last) return read_error(e);
            } catch (const Xapian::Error& e) {
                return read_error(e);
            } catch (const std::runtime_error& e) {  // document data that does not decode
                return damaged(e);
            }
            pause_before_retry(attempt);
        }
    }

  private:
    // A reader retries while a writer publishes: a commit or a swapped
    // generation (the stub names a directory just removed) resolves within
    // milliseconds, so a few short waits are plenty.
    static constexpr int kAttempts = 8;
    static constexpr std::chrono::milliseconds kPause{25};

    void open_from_path();
    void refresh();
    void changed();
    Error read_error(const Xapian::Error& e) const;
    Error damaged(const std::runtime_error& e) const;
    static void pause_before_retry(int attempt);

    std::string path_;
    Xapian::Database db_;
    std::string directory_;
    ino_t stub_inode_ = 0;  // of the stub when last opened; 0: no stub
    std::optional<Error> other_schema_;
    std::function<void()> on_change_;
};

}  // namespace papers
