#include "indexer/file_writer.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "analyzers/schema.h"
#include "indexer/digest_files.h"

namespace papers {
namespace fs = std::filesystem;

void FileWriter::index_file(const std::string& path, bool force) {
    ++report_.files_seen;
    const std::string key = file_key(path);
    const std::string stored = db_.get_metadata(key);
    FileState old = stored.empty() ? FileState{} : FileState::parse(stored);
    FileState state;
    const bool stated = stat_file(path, state);
    if (!force && stated && !stored.empty() && old.size == state.size && old.mtime == state.mtime) {
        ++report_.files_unchanged;
        return;
    }
    std::string content;
    if (!stated || !read_file(path, content)) {
        ++report_.files_failed;
        report_.issues.push_back({path, 0, "cannot read the file"});
        return;
    }
    state.hash = content_hash(content);
    if (!force && !stored.empty() && old.hash == state.hash) {  // touched, not changed
        state.ids = old.ids;
        db_.set_metadata(key, state.serialise());
        ++report_.files_unchanged;
        return;
    }
    DigestParse parse = parse_digest(content, path);
    report_.issues.insert(report_.issues.end(), parse.issues.begin(), parse.issues.end());
    if (parse.date.empty()) {
        ++report_.files_failed;
        return;
    }
    std::set<std::string> now_present;
    for (const auto& paper : parse.papers) {
        if (!now_present.insert(paper.arxiv_id).second) continue;
        state.ids.push_back(paper.arxiv_id);
        papers_.put_occurrence(paper, path);
    }
    for (const auto& id : old.ids)
        if (!now_present.count(id)) papers_.retract_occurrence(id, path);
    db_.set_metadata(key, state.serialise());
    ++report_.files_indexed;
    if (flush_bytes_ && papers_.pending_bytes() > flush_bytes_) papers_.commit();
}

void FileWriter::forget_missing_files(const std::string& directory,
                                      const std::vector<std::string>& present) {
    const std::string prefix = file_key(directory + "/");
    std::vector<std::string> gone;
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        const std::string path = (*it).substr(schema::kMetaFilePrefix.size());
        std::error_code ec;
        if (!std::binary_search(present.begin(), present.end(), path) && !fs::exists(path, ec))
            gone.push_back(*it);
    }
    for (const auto& key : gone) {
        const std::string path = key.substr(schema::kMetaFilePrefix.size());
        for (const auto& id : FileState::parse(db_.get_metadata(key)).ids)
            papers_.retract_occurrence(id, path);
        db_.set_metadata(key, "");
        ++report_.files_removed;
    }
}

}  // namespace papers
