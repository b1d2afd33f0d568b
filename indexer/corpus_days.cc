#include "indexer/corpus_days.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace papers {
namespace {

// The day named by a path's last three components "YYYY", "MM", "DD.md".
std::optional<Day> day_of_file(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    if (name.size() != 5 || name.compare(2, 3, ".md") != 0) return std::nullopt;
    const std::string month = file.parent_path().filename().string();
    const std::string year = file.parent_path().parent_path().filename().string();
    if (year.size() != 4 || month.size() != 2) return std::nullopt;
    return parse_day(year + "-" + month + "-" + name.substr(0, 2));
}

}  // namespace

std::string digest_relative_path(Day day) {
    const CivilDate c = civil_of(day);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "paper_logs/%04ld/%02u/%02u.md", c.year, c.month, c.day);
    return buffer;
}

std::optional<Day> newest_day_present(const std::string& corpus_dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path logs = fs::path(corpus_dir) / "paper_logs";
    std::optional<Day> newest;
    // Depth is fixed (YYYY/MM/DD.md), so three plain directory walks suffice.
    for (fs::recursive_directory_iterator it(logs, ec), end; !ec && it != end; it.increment(ec)) {
        if (it.depth() == 2) it.disable_recursion_pending();
        if (it.depth() != 2 || !it->is_regular_file(ec)) continue;
        const auto day = day_of_file(it->path());
        if (day && (!newest || *newest < *day)) newest = day;
    }
    return newest;
}

}  // namespace papers
