#include "indexer/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace papers {
namespace {

constexpr const char* kTempMarker = ".tmp-";

std::string errno_message(const std::string& what, const std::string& path) {
    return what + " " + path + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        content.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// fsync of a directory makes a rename in it durable; failure is not fatal
// (some file systems refuse it), the file itself is already complete.
void sync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::string& path,
                                                 std::string_view content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return "cannot create " + dir + ": " + ec.message();

    // A dot name that no digest scan counts (corpus_days.h reads DD.md only).
    std::string temp = dir + "/." + target.filename().string() + kTempMarker + "XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return errno_message("cannot create a temporary file in", dir);
    std::optional<std::string> error;
    if (::fchmod(fd, 0644) != 0) error = errno_message("cannot set the mode of", temp);
    if (!error && !write_all(fd, content)) error = errno_message("cannot write", temp);
    if (!error && ::fsync(fd) != 0) error = errno_message("cannot sync", temp);
    if (::close(fd) != 0 && !error) error = errno_message("cannot close", temp);
    if (!error && ::rename(temp.c_str(), path.c_str()) != 0)
        error = errno_message("cannot rename into place", path);
    if (error) {
        ::unlink(temp.c_str());
        return error;
    }
    sync_directory(dir);
    return std::nullopt;
}

void remove_stale_temporaries(const std::string& dir, std::chrono::seconds min_age) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] != '.' || name.find(kTempMarker) == std::string::npos) continue;
        std::error_code time_ec;
        const auto written = fs::last_write_time(it->path(), time_ec);
        if (!time_ec && now - written > min_age) fs::remove(it->path(), time_ec);
    }
}

std::optional<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return content.str();
}

}  // namespace papers
