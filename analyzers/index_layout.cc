#include "analyzers/index_layout.h"

#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

namespace papers {
namespace fs = std::filesystem;

namespace {

Error unreadable(const std::string& path, int error) {
    return Error{ErrorKind::IndexError,
                 "cannot read the index at " + path + ": " + std::strerror(error)};
}

// Whether the directory holds anything but dotfiles; sets `error` when it
// cannot be listed.
bool has_entries(const std::string& path, int& error) {
    std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()), ::closedir);
    if (!dir) {
        error = errno;
        return false;
    }
    while (const dirent* entry = ::readdir(dir.get()))
        if (entry->d_name[0] != '.') return true;
    return false;
}

// A stub that cannot be read or names nothing.
std::optional<Error> check_stub(const std::string& path) {
    const std::string stub = stub_path(path);
    struct stat info {};
    if (::stat(stub.c_str(), &info) != 0) return std::nullopt;  // the legacy layout
    std::ifstream in(stub);
    if (!in) return unreadable(stub, errno != 0 ? errno : EACCES);
    std::string line;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) return std::nullopt;
    return Error{ErrorKind::IndexError,
                 stub + " is empty: it names no database (papers rebuild makes a new index)"};
}

}  // namespace

std::string stub_path(const std::string& dir) {
    return (fs::path(dir) / kStubName).string();
}

IndexLayout detect_layout(const std::string& dir) {
    std::error_code ec;
    if (fs::is_regular_file(stub_path(dir), ec)) return IndexLayout::Stub;
    if (fs::exists(fs::path(dir) / "iamglass", ec)) return IndexLayout::Legacy;
    return IndexLayout::Empty;
}

std::optional<std::string> live_generation(const std::string& dir) {
    std::ifstream in(stub_path(dir));
    std::string backend, name;
    while (in >> backend && backend[0] == '#') in.ignore(1 << 20, '\n');  // a comment line
    if (!(in >> name) || backend != "auto") return std::nullopt;
    return name;
}

std::optional<std::string> live_database(const std::string& dir) {
    switch (detect_layout(dir)) {
        case IndexLayout::Stub:
            if (auto generation = live_generation(dir))
                return (fs::path(dir) / *generation).string();
            return stub_path(dir);  // unreadable: opening it fails
        case IndexLayout::Legacy:
            return dir;
        case IndexLayout::Empty:
            return std::nullopt;
    }
    return std::nullopt;
}

uint64_t directory_bytes(const std::string& path) {
    uint64_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(path, ec))
        if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    return total;
}

std::optional<Error> check_index_path(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) return Error{ErrorKind::NoIndex, "no index at " + path};
        return unreadable(path, errno);
    }
    if (!S_ISDIR(info.st_mode))
        return Error{ErrorKind::IndexError,
                     path + " is not a directory: --db names the directory an index is in"};
    int error = 0;
    if (!has_entries(path, error)) {
        if (error != 0) return unreadable(path, error);
        return Error{ErrorKind::NoIndex, "no index at " + path};
    }
    return check_stub(path);
}

}  // namespace papers
