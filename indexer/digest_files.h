// The digest files an index run reads, and what the index remembers of each
// (its size, time, content hash and papers), so that an unchanged file is
// skipped and a changed one can retract what it said. Shared by the
// incremental writer (index_writer.cc) and the fresh build (sharded_build.cc).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/error.h"

namespace papers {

struct InputFiles {
    std::vector<std::string> digests;      // *.md, canonical, sorted
    std::vector<std::string> paper_lists;  // papers_list.csv
    std::vector<std::string> directories;  // the inputs that are directories, canonical
};

// Expands the inputs into digest files (*.md, recursive; README.md is not a
// digest) and paper lists. BadInput when an input does not exist.
Result<InputFiles> collect_files(const std::vector<std::string>& inputs);

// The whole file, or false when it cannot be read.
bool read_file(const std::string& path, std::string& content);

uint64_t content_hash(std::string_view bytes);  // FNV-1a, 64 bits

struct FileState {
    uint64_t size = 0;
    int64_t mtime = 0;
    uint64_t hash = 0;
    std::vector<std::string> ids;  // the papers this file contributed

    std::string serialise() const;
    static FileState parse(const std::string& text);
};

// The metadata key of a file's FileState (schema::kMetaFilePrefix + path;
// Xapian limits key length, so very long paths are keyed by a hash).
std::string file_key(const std::string& path);

// Size and modification time as FileState records them; false when the
// file cannot be stat()ed.
bool stat_file(const std::string& path, FileState& state);

}  // namespace papers
