#include "query/live_database.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include "analyzers/index_layout.h"
#include "analyzers/schema.h"

namespace papers {

Result<bool> LiveDatabase::open(const std::vector<std::string>& specs) {
    auto source = IndexSource::parse(specs);
    if (!source) return source.error();
    source_ = std::move(*source);
    path_ = source_.description();
    portable_prior_ = !source_.single_local();
    const std::string& path = path_;
    // Between reading a stub and opening what it names, a rebuild may have
    // replaced that generation: read the stub again.
    const bool stub =
        !source_.single_local() || std::filesystem::exists(stub_path(source_.parts().front().path));
    for (int attempt = 1;; ++attempt) {
        try {
            open_from_path();
            if (other_schema_) return *other_schema_;
            return true;
        } catch (const Xapian::NetworkError& e) {  // a server down, or not answering
            return reach_error(source_, e);
        } catch (const Xapian::DatabaseOpeningError& e) {
            // Not an index at all, or a file the OS will not let us read (not
            // one a rebuild removed between reading the stub and opening it).
            const char* reason = e.get_error_string();
            if (!stub || (reason && std::string(reason) != std::strerror(ENOENT)))
                return Error{ErrorKind::IndexError,
                             "cannot open the index at " + path + ": " + e.get_description()};
            if (attempt == kAttempts)
                return Error{ErrorKind::IndexError, "no usable index at " + path + ": " +
                                                        e.get_msg() +
                                                        " (papers rebuild makes a new one)"};
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kAttempts) return read_error(e);
        } catch (const Xapian::Error& e) {
            return read_error(e);
        }
        pause_before_retry(attempt);
    }
}

// Opens what the path names now: the stub is read afresh, before the
// database: should a rebuild swap generations in between, the directory
// found is of another database, and what is read from it (the vote table
// file) is not used.
void LiveDatabase::open_from_path() {
    stub_inodes_ = source_.stub_inodes();
    directory_ = source_.vote_table_directory();
    db_ = source_.open();
    changed();
}

// Brings a long-lived reader up to date before an operation: a new stub (a
// rebuild swapped generations) means opening from the path; else reopen()
// picks up the latest commit of the same database.
void LiveDatabase::refresh() {
    if (source_.stub_inodes() != stub_inodes_)
        open_from_path();
    else if (db_.reopen())
        changed();
}

void LiveDatabase::changed() {
    other_schema_ = schema::check_version(db_, path_);
    if (on_change_) on_change_();
}

Error LiveDatabase::read_error(const Xapian::Error& e) const {
    return Error{ErrorKind::IndexError, "the index could not be read: " + e.get_description()};
}

Error LiveDatabase::damaged(const std::runtime_error& e) const {
    return Error{ErrorKind::IndexError, path_ + ": the index is damaged: " + e.what() +
                                            " (papers rebuild makes a new one)"};
}

void LiveDatabase::pause_before_retry(int attempt) {
    std::this_thread::sleep_for(kPause * attempt);
}

}  // namespace papers
