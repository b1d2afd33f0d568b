// The shared corpus as the eval tools read it: every paper of a directory
// of digests, merged by arXiv id as the indexer does, and scratch space.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analyzers/paper.h"

namespace papers::eval {

// Every *.md under `corpus`, parsed; one Paper per arXiv id (merge_occurrences).
std::vector<Paper> load_papers(const std::string& corpus);

// A fresh directory under the system temp dir, removed on destruction.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace papers::eval
