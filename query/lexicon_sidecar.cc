#include "query/lexicon_sidecar.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "analyzers/lexicon_export.h"
#include "analyzers/schema.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

// Copies kept: one per export a reader met lately (a day's update, shards).
constexpr size_t kKeptCopies = 8;

std::string cache_root() {
    if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && cache[0] == '/')
        return std::string(cache) + "/papers/lexicon";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/papers/lexicon";
    return "";
}

std::optional<Xapian::Database> open_copy(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir / "iamglass", ec)) return std::nullopt;
    try {
        return Xapian::Database(dir.string(), Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::Error&) {
        return std::nullopt;  // damaged: made again below
    }
}

// Builds the tables of `lexicon` at `dir` (a fresh directory).
void build_copy(const LexiconExport& lexicon, const fs::path& dir) {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE |
                                                  Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
    for (const auto& [word, freq] : lexicon.spellings) db.add_spelling(word, freq);
    for (const auto& [key, synonym] : lexicon.synonyms) db.add_synonym(key, synonym);
    db.commit();
    db.close();
}

// Removes all but the kKeptCopies most recently used copies.
void prune(const fs::path& root) {
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> copies;
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory(ec))
            copies.emplace_back(fs::last_write_time(entry.path(), ec), entry.path());
    if (copies.size() <= kKeptCopies) return;
    std::sort(copies.begin(), copies.end(), [](const auto& a, const auto& b) { return a > b; });
    for (size_t i = kKeptCopies; i < copies.size(); ++i) fs::remove_all(copies[i].second, ec);
}

}  // namespace

std::optional<Xapian::Database> open_lexicon_sidecar(const Xapian::Database& remote) {
    const std::string id = remote.get_metadata(std::string(schema::kMetaLexiconId));
    const std::string root = cache_root();
    if (id.empty() || root.empty()) return std::nullopt;
    const fs::path dir = fs::path(root) / id;
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (auto copy = open_copy(dir)) return copy;
        fs::remove_all(dir, ec);  // there but damaged: a copy is renamed into place whole
    }

    const std::string packed = remote.get_metadata(std::string(schema::kMetaLexicon));
    const auto lexicon = unpack_lexicon(packed);
    if (!lexicon || lexicon_id(packed) != id) return std::nullopt;
    fs::create_directories(root, ec);
    const fs::path building = fs::path(root) / (id + ".tmp-" + std::to_string(::getpid()));
    try {
        build_copy(*lexicon, building);
    } catch (const Xapian::Error&) {
        fs::remove_all(building, ec);
        return std::nullopt;
    }
    // Another search may have put the same copy there meanwhile: keep it.
    if (::rename(building.c_str(), dir.c_str()) != 0) fs::remove_all(building, ec);
    prune(root);
    return open_copy(dir);
}

}  // namespace papers
