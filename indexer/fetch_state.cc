#include "indexer/fetch_state.h"

#include <nlohmann/json.hpp>

#include "indexer/atomic_file.h"

namespace papers {
namespace {

std::string state_path(const std::string& corpus_dir) {
    return corpus_dir + "/" + kFetchStateFile;
}

}  // namespace

FetchState FetchState::load(const std::string& corpus_dir, std::string* warning) {
    FetchState state;
    const auto content = read_whole_file(state_path(corpus_dir));
    if (!content) return state;  // first run
    try {
        const auto json = nlohmann::json::parse(*content);
        for (const auto& [path, entry] : json.at("files").items()) {
            FileValidators v;
            v.etag = entry.value("etag", "");
            v.last_modified = entry.value("last_modified", "");
            v.size = entry.value("size", uint64_t{0});
            state.files_[path] = v;
        }
        if (json.contains("retry"))
            for (const auto& date : json.at("retry"))
                state.retry_days_.insert(date.get<std::string>());
    } catch (const nlohmann::json::exception& e) {
        state.files_.clear();
        state.retry_days_.clear();
        if (warning)
            *warning = state_path(corpus_dir) + " is malformed (" + e.what() +
                       "); every day will be downloaded again";
    }
    return state;
}

std::optional<FileValidators> FetchState::find(const std::string& relative_path) const {
    const auto it = files_.find(relative_path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
}

void FetchState::set(const std::string& relative_path, FileValidators validators) {
    files_[relative_path] = std::move(validators);
}

void FetchState::erase(const std::string& relative_path) {
    files_.erase(relative_path);
}

void FetchState::set_retry(const std::string& date, bool retry) {
    if (retry)
        retry_days_.insert(date);
    else
        retry_days_.erase(date);
}

std::optional<std::string> FetchState::save(const std::string& corpus_dir) const {
    nlohmann::json files = nlohmann::json::object();
    for (const auto& [path, v] : files_)
        files[path] = {{"etag", v.etag}, {"last_modified", v.last_modified}, {"size", v.size}};
    const nlohmann::json json = {{"version", 1}, {"files", files}, {"retry", retry_days_}};
    // The values came from HTTP headers: replace, never throw, on invalid UTF-8.
    const std::string text =
        json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return write_file_atomically(state_path(corpus_dir), text);
}

}  // namespace papers
