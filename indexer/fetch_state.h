// What the fetcher remembers between runs: for each corpus file, the
// validators the server sent with it (ETag, Last-Modified) and its size, so
// the next request can be conditional (If-None-Match / If-Modified-Since ->
// 304). Kept in a JSON sidecar, <corpus>/.papers-fetch.json, written
// atomically:
//
//   {"version": 1, "files": {"paper_logs/2024/08/01.md":
//       {"etag": "\"abc\"", "last_modified": "Thu, 01 Aug 2024 ...", "size": 21938}},
//    "retry": ["2024-08-02"]}
//
// Losing it costs one full download per day (the bytes are then compared with
// the file on disk), never a wrong file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace papers {

inline constexpr const char* kFetchStateFile = ".papers-fetch.json";

struct FileValidators {
    std::string etag;           // "" if the server sent none
    std::string last_modified;  // "" if the server sent none
    uint64_t size = 0;          // of the file as written
};

class FetchState {
  public:
    // Reads <corpus_dir>/.papers-fetch.json. A missing file is an empty state;
    // an unreadable or malformed one too, with a note in `warning`.
    static FetchState load(const std::string& corpus_dir, std::string* warning = nullptr);

    // Validators for `relative_path`, if any were recorded.
    std::optional<FileValidators> find(const std::string& relative_path) const;
    void set(const std::string& relative_path, FileValidators validators);
    void erase(const std::string& relative_path);

    // Days (YYYY-MM-DD) a run failed or did not finish (it was killed), so
    // that the next run tries them again.
    const std::set<std::string>& retry_days() const { return retry_days_; }
    void set_retry(const std::string& date, bool retry);

    // Writes the sidecar atomically; returns an error message or nullopt.
    std::optional<std::string> save(const std::string& corpus_dir) const;

  private:
    std::map<std::string, FileValidators> files_;
    std::set<std::string> retry_days_;
};

}  // namespace papers
