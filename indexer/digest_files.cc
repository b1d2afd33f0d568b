#include "indexer/digest_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "analyzers/schema.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPaperList = "papers_list.csv";

std::string hex(uint64_t value) {
    std::ostringstream out;
    out << std::hex << value;
    return out.str();
}

}  // namespace

Result<InputFiles> collect_files(const std::vector<std::string>& inputs) {
    InputFiles found;
    std::vector<std::string>& files = found.digests;
    for (const auto& input : inputs) {
        std::error_code ec;
        const fs::path path = fs::absolute(input, ec);
        if (ec || !fs::exists(path, ec))
            return Error{ErrorKind::BadInput, input + ": no such file or directory"};
        if (fs::is_directory(path, ec)) {
            const fs::path canonical = fs::weakly_canonical(path, ec);
            found.directories.push_back(canonical.string());
            fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                                ec),
                end;
            if (ec) return Error{ErrorKind::BadInput, input + ": " + ec.message()};
            for (; it != end; it.increment(ec)) {
                if (ec) return Error{ErrorKind::BadInput, input + ": " + ec.message()};
                if (!it->is_regular_file(ec)) continue;
                if (it->path().filename() == kPaperList) {
                    found.paper_lists.push_back(it->path().string());
                } else if (it->path().extension() == ".md" &&
                           it->path().filename() != "README.md") {
                    // The walk does not follow links to directories, so only a
                    // linked file has a canonical path other than its place
                    // under the canonical directory: resolving every path
                    // cost a nightly run at a million papers 200,000 readlinks.
                    files.push_back(
                        it->is_symlink(ec)
                            ? fs::weakly_canonical(it->path(), ec).string()
                            : (canonical / it->path().lexically_relative(path)).string());
                }
            }
        } else {
            files.push_back(fs::weakly_canonical(path, ec).string());
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return found;
}

bool read_file(const std::string& path, std::string& content) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

uint64_t content_hash(std::string_view bytes) {
    uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string FileState::serialise() const {
    std::ostringstream out;
    out << size << ' ' << mtime << ' ' << hash;
    for (const auto& id : ids) out << ' ' << id;
    return out.str();
}

FileState FileState::parse(const std::string& text) {
    FileState state;
    std::istringstream in(text);
    in >> state.size >> state.mtime >> state.hash;
    for (std::string id; in >> id;) state.ids.push_back(id);
    return state;
}

std::string file_key(const std::string& path) {
    const std::string prefix(schema::kMetaFilePrefix);
    return path.size() <= 200 ? prefix + path : prefix + "#" + hex(content_hash(path));
}

bool stat_file(const std::string& path, FileState& state) {
    std::error_code size_error, time_error;
    const fs::directory_entry entry(path, size_error);  // one stat for both
    state.size = entry.file_size(size_error);
    state.mtime =
        static_cast<int64_t>(entry.last_write_time(time_error).time_since_epoch().count());
    return !size_error && !time_error;
}

}  // namespace papers
