#include "indexer/index_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "analyzers/schema.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

const std::string kStubTemp = std::string(kStubName) + ".tmp";
constexpr const char* kLockFile = ".papers-writer.lock";
constexpr const char* kGenerationPrefix = "glass-";
constexpr const char* kBuildSuffix = ".build";
constexpr int kGenerationDigits = 6;

Error io_error(const std::string& what, int err = errno) {
    return Error{ErrorKind::IndexError, what + ": " + std::strerror(err)};
}

// "glass-000012" -> 12; nullopt for any other name (including build dirs).
std::optional<long> generation_number(const std::string& name) {
    const std::string prefix = kGenerationPrefix;
    if (name.size() != prefix.size() + kGenerationDigits || name.compare(0, prefix.size(), prefix))
        return std::nullopt;
    long number = 0;
    for (size_t i = prefix.size(); i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9') return std::nullopt;
        number = number * 10 + (name[i] - '0');
    }
    return number;
}

bool is_build_directory(const std::string& name) {
    const std::string suffix = kBuildSuffix;
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           generation_number(name.substr(0, name.size() - suffix.size()));
}

// The files a glass database keeps in its own directory, with the vote
// table file papers keeps beside them (analyzers/vote_table.h).
bool is_glass_file(const std::string& name) {
    const std::string votes(schema::kVoteTableFile);
    if (name == votes || name == "." + votes + ".tmp") return true;
    return name == "iamglass" || name == "flintlock" ||
           (name.size() > 6 && name.compare(name.size() - 6, 6, ".glass") == 0) ||
           (name.size() > 10 && name.compare(name.size() - 10, 10, ".glass.tmp") == 0);
}

Result<bool> fsync_path(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return io_error("cannot open " + path);
    const bool ok = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok) return io_error("cannot sync " + path, err);
    return true;
}

Result<bool> fsync_directory(const std::string& path) {
    return fsync_path(path, O_RDONLY | O_DIRECTORY);
}

// Writes `text` to `path` and fsyncs it.
Result<bool> write_synced(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return io_error("cannot create " + path);
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                    ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok) return io_error("cannot write " + path, err);
    return true;
}

// Removes `path` (a file or a tree), recording it. Error: IndexError.
Result<bool> remove_leftover(const fs::path& path, Recovery& recovery) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec)
        return Error{ErrorKind::IndexError, "cannot remove " + path.string() + ": " + ec.message()};
    recovery.removed.push_back(path.string());
    return true;
}

// After a stub is live: the legacy glass files, iamglass first so that no
// reader opens a half-removed legacy database (Xapian opens a directory with
// iamglass as glass, and one without it through its stub). A run killed
// halfway leaves the rest of the tables to the next. True if any was left.
Result<bool> remove_legacy_files(const std::string& dir, Recovery& recovery) {
    std::error_code ec;
    std::vector<fs::path> doomed;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (is_glass_file(entry.path().filename().string())) doomed.push_back(entry.path());
    if (ec) return Error{ErrorKind::IndexError, dir + ": " + ec.message()};
    std::stable_partition(doomed.begin(), doomed.end(),
                          [](const fs::path& path) { return path.filename() == "iamglass"; });
    for (const auto& path : doomed)
        if (auto removed = remove_leftover(path, recovery); !removed) return removed;
    return !doomed.empty();
}

// Every generation, build directory and temporary stub but `keep`.
Result<bool> remove_other_generations(const std::string& dir, const std::string& keep,
                                      Recovery& recovery) {
    std::error_code ec;
    std::vector<fs::path> doomed;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const bool generation = generation_number(name) || is_build_directory(name);
        if ((generation && name != keep) || name == kStubTemp) doomed.push_back(entry.path());
    }
    if (ec) return Error{ErrorKind::IndexError, dir + ": " + ec.message()};
    for (const auto& path : doomed)
        if (auto removed = remove_leftover(path, recovery); !removed) return removed;
    return true;
}

std::string read_lock_holder(int fd) {
    char buf[64] = {};
    const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    std::string holder = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "";
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    return holder;
}

// "4242 update" -> "another papers update is running (pid 4242)".
std::string busy_message(const std::string& dir, const std::string& holder) {
    const size_t space = holder.find(' ');
    const std::string pid = holder.substr(0, space);
    const std::string who = space == std::string::npos ? "writer" : holder.substr(space + 1);
    return "another papers " + who + " is running" + (pid.empty() ? "" : " (pid " + pid + ")") +
           " on " + dir + "; try again later, or pass --wait";
}

}  // namespace

Result<WriterLock> WriterLock::acquire(const std::string& dir, const std::string& who, bool wait) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return Error{ErrorKind::IndexError, "cannot create " + dir + ": " + ec.message()};
    const std::string path = (fs::path(dir) / kLockFile).string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return io_error("cannot open " + path);
    int rc;
    while ((rc = ::flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
    }
    if (rc != 0) {
        const int err = errno;
        const std::string holder = read_lock_holder(fd);
        ::close(fd);
        if (err == EWOULDBLOCK) return Error{ErrorKind::Busy, busy_message(dir, holder)};
        return io_error("cannot lock " + path, err);
    }
    const std::string holder = std::to_string(::getpid()) + " " + who + "\n";
    if (::ftruncate(fd, 0) != 0 ||
        ::pwrite(fd, holder.data(), holder.size(), 0) != static_cast<ssize_t>(holder.size())) {
        // Only the message another writer prints depends on it: not fatal.
    }
    return WriterLock(dir, fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : dir_(std::move(other.dir_)), fd_(other.fd_) {
    other.fd_ = -1;
}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        dir_ = std::move(other.dir_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the only descriptor releases the flock
}

std::string next_generation(const std::string& dir) {
    long newest = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (is_build_directory(name)) name.resize(name.size() - std::strlen(kBuildSuffix));
        if (auto number = generation_number(name)) newest = std::max(newest, *number);
    }
    if (auto live = live_generation(dir))  // even if it is missing: never reuse its name
        if (auto number = generation_number(*live)) newest = std::max(newest, *number);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%0*ld", kGenerationPrefix, kGenerationDigits, newest + 1);
    return buf;
}

std::string build_directory(const std::string& dir, const std::string& generation) {
    return (fs::path(dir) / (generation + kBuildSuffix)).string();
}

Result<Recovery> recover(const WriterLock& lock) {
    Recovery recovery;
    const std::string& dir = lock.dir();
    if (detect_layout(dir) != IndexLayout::Stub) {
        // Legacy or empty: no generation is live, so any is a leftover.
        if (auto removed = remove_other_generations(dir, "", recovery); !removed)
            return removed.error();
        return recovery;
    }
    const auto live = live_generation(dir);
    if (!live || !fs::exists(fs::path(dir) / *live / "iamglass")) {
        // Not something a crash of ours leaves (a generation is complete and
        // synced before a stub names it): touch nothing; rebuild replaces it.
        recovery.broken_stub = true;
        return recovery;
    }
    auto legacy = remove_legacy_files(dir, recovery);
    if (!legacy) return legacy.error();
    recovery.finished_conversion = *legacy;
    if (auto removed = remove_other_generations(dir, *live, recovery); !removed)
        return removed.error();
    return recovery;
}

Result<WriterRun> start_writer_run(const std::string& dir, const std::string& who, bool wait,
                                   const std::function<void(const Error& busy)>& on_wait) {
    auto lock = WriterLock::acquire(dir, who, false);
    if (!lock && lock.error().kind == ErrorKind::Busy && wait) {
        if (on_wait) on_wait(lock.error());
        lock = WriterLock::acquire(dir, who, true);
    }
    if (!lock) return lock.error();
    auto recovered = recover(*lock);
    if (!recovered) return recovered.error();
    return WriterRun{std::move(*lock), std::move(*recovered)};
}

Result<std::string> publish(const WriterLock& lock, const std::string& generation) {
    const std::string& dir = lock.dir();
    const fs::path temp = fs::path(dir) / kStubTemp;
    if (auto written = write_synced(temp.string(), "auto " + generation + "\n"); !written)
        return written.error();
    const std::string stub = stub_path(dir);
    if (::rename(temp.c_str(), stub.c_str()) != 0) return io_error("cannot publish " + stub);
    // Published: the new generation is live from here on, so nothing below
    // may report failure (a caller would take the generation for unpublished
    // and remove it). The directory sync only makes the rename durable across
    // a power cut; the removals only free space. What fails here is a
    // leftover that the next recover() removes.
    fsync_directory(dir);
    Recovery cleanup;
    remove_legacy_files(dir, cleanup);
    remove_other_generations(dir, generation, cleanup);
    return (fs::path(dir) / generation).string();
}

Result<bool> sync_tree(const std::string& path) {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
        const bool directory = entry.is_directory(ec);
        auto synced = directory ? fsync_directory(entry.path().string())
                                : fsync_path(entry.path().string(), O_RDONLY);
        if (!synced) return synced;
    }
    if (ec) return Error{ErrorKind::IndexError, path + ": " + ec.message()};
    return fsync_directory(path);
}

}  // namespace papers
