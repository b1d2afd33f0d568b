#include "indexer/fetch_request.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "indexer/corpus_days.h"

namespace papers {
namespace {

constexpr long kMaxRangeDays = 3700;  // about ten years; more is surely a typo
constexpr unsigned kMaxParallel = 64;

// A file:// base whose directory is not there: every day would be "missing",
// which for a mirror on disk means a wrong path, not days without a digest.
std::optional<Error> missing_local_base(const std::string& url) {
    constexpr std::string_view kFile = "file://";
    if (url.size() < kFile.size() ||
        !std::equal(kFile.begin(), kFile.end(), url.begin(), [](char a, char b) {
            return a == std::tolower(static_cast<unsigned char>(b));
        }))
        return std::nullopt;
    const std::string path = url.substr(kFile.size());
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return std::nullopt;
    return Error{ErrorKind::BadInput, "--base-url " + url + ": no such directory" +
                                          (ec ? " (" + ec.message() + ")" : std::string())};
}

std::optional<Error> parse_bound(const std::optional<std::string>& text, const char* name,
                                 std::optional<Day>& day) {
    if (!text) return std::nullopt;
    day = parse_day(*text);
    if (day) return std::nullopt;
    return Error{ErrorKind::BadQuery,
                 std::string("bad ") + name + " date \"" + *text + "\": expected YYYY-MM-DD"};
}

}  // namespace

std::optional<Error> check_fetch_request(const FetchRequest& request) {
    if (!is_supported_fetch_url(request.base_url))
        return Error{ErrorKind::BadInput, "unsupported URL \"" + request.base_url +
                                              "\": only http://, https:// and file:// are fetched"};
    if (auto missing = missing_local_base(request.base_url)) return *missing;
    if (request.parallel < 1 || request.parallel > kMaxParallel)
        return Error{ErrorKind::BadInput,
                     "parallel transfers must be 1.." + std::to_string(kMaxParallel)};
    if (request.max_attempts < 1) return Error{ErrorKind::BadInput, "max_attempts must be >= 1"};
    if (request.corpus_dir.empty()) return Error{ErrorKind::BadInput, "no corpus directory given"};
    return std::nullopt;
}

Result<std::pair<Day, Day>> resolve_fetch_range(const FetchRequest& request,
                                                const FetchState& state) {
    std::optional<Day> from, to;
    if (auto error = parse_bound(request.from, "--from", from)) return *error;
    if (auto error = parse_bound(request.to, "--to", to)) return *error;
    if (from && to && *to < *from)
        return Error{ErrorKind::BadQuery,
                     "--from " + *request.from + " is after --to " + *request.to};
    if (!to) to = today_utc();
    if (!from) {
        const auto newest = newest_day_present(request.corpus_dir);
        from = newest ? next_day(*newest) : *parse_day(kDefaultFirstDay);
        for (const auto& date : state.retry_days())
            if (const auto day = parse_day(date); day && *day < *from) from = day;
    }
    if (to->serial - from->serial >= kMaxRangeDays)
        return Error{ErrorKind::BadQuery, "the range " + format_day(*from) + " .. " +
                                              format_day(*to) + " is longer than " +
                                              std::to_string(kMaxRangeDays) + " days"};
    return std::pair{*from, *to};
}

std::optional<Error> prepare_corpus_dir(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec || !std::filesystem::is_directory(dir) || ::access(dir.c_str(), W_OK) != 0)
        return Error{ErrorKind::BadInput,
                     "cannot use the corpus directory " + dir +
                         (ec ? ": " + ec.message() : ": not a writable directory")};
    return std::nullopt;
}

bool is_supported_fetch_url(const std::string& url) {
    const auto end = url.find("://");
    if (end == std::string::npos) return false;
    std::string scheme = url.substr(0, end);
    for (char& c : scheme)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return scheme == "http" || scheme == "https" || scheme == "file";
}

}  // namespace papers
