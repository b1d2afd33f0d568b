// Writing a file so that readers see either the old content or the new, never
// a part: a temporary name in the same directory, fsync, rename, fsync of the
// directory (so the rename itself survives a crash).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace papers {

// Replaces (or creates) `path` with `content`, mode 0644. Creates missing
// parent directories. Returns an error message, or nullopt on success; on
// failure `path` is untouched and no temporary file is left behind.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content);

// Removes temporary files write_file_atomically left in `dir` (a killed
// process) that are older than `min_age`; younger ones may be another
// process's write in progress. Errors are ignored.
void remove_stale_temporaries(const std::string& dir, std::chrono::seconds min_age);

// The whole content of `path`, or nullopt if it cannot be read.
std::optional<std::string> read_whole_file(const std::string& path);

}  // namespace papers
