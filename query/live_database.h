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
#include "query/index_source.h"

namespace papers {

class LiveDatabase {
  public:
    // Opens the index the specs name (query/index_source.h: a directory, a
    // stub file, tcp://HOST:PORT; several are shards), retrying while a
    // rebuild swaps generations. Error kinds: NoIndex (nothing at a path),
    // BadInput (a malformed address), IndexError (unreadable, not an index,
    // another schema version, a server that cannot be reached).
    Result<bool> open(const std::vector<std::string>& specs);

    const std::string& path() const { return path_; }
    // The database as open now; its object stays the same across reopens.
    const Xapian::Database& db() const { return db_; }
    // The directory of the live database's files ("" when unknown, or
    // not one local database).
    const std::string& directory() const { return directory_; }
    // Remote or shards: see ReadContext::portable_prior.
    const bool& portable_prior() const { return portable_prior_; }
    uint64_t local_bytes() const { return source_.local_bytes(); }
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
            } catch (const Xapian::NetworkError& e) {  // a server down, or not answering
                return reach_error(source_, e);
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

    std::string path_;  // the specs, for messages
    IndexSource source_;
    bool portable_prior_ = false;
    Xapian::Database db_;
    std::string directory_;
    std::vector<ino_t> stub_inodes_;  // of the local stubs when last opened; 0: none
    std::optional<Error> other_schema_;
    std::function<void()> on_change_;
};

}  // namespace papers
