#include "indexer/corpus_days.h"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "analyzers/calendar.h"

namespace papers {
namespace {

struct Civil {
    long year;
    unsigned month, day;
};

// Howard Hinnant's days_from_civil / civil_from_days (public domain).
long days_from_civil(Civil c) {
    const long y = c.year - (c.month <= 2);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (c.month > 2 ? c.month - 3 : c.month + 9) + 2) / 5 + c.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Civil civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long>(yoe) + era * 400 + (m <= 2), m, d};
}

// The value of `digits` if it is exactly that many ASCII digits, else -1.
long parse_digits(std::string_view text) {
    if (text.empty()) return -1;
    long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

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

std::optional<Day> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const long year = parse_digits(text.substr(0, 4));
    const long month = parse_digits(text.substr(5, 2));
    const long day = parse_digits(text.substr(8, 2));
    if (year < 1900 || !is_calendar_date(year, month, day)) return std::nullopt;
    return Day{days_from_civil({year, static_cast<unsigned>(month), static_cast<unsigned>(day)})};
}

std::string format_day(Day day) {
    const Civil c = civil_from_days(day.serial);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04ld-%02u-%02u", c.year, c.month, c.day);
    return buffer;
}

Day next_day(Day day) {
    return Day{day.serial + 1};
}

Day today_utc() {
    return Day{static_cast<long>(std::time(nullptr) / 86400)};
}

std::string digest_relative_path(Day day) {
    const Civil c = civil_from_days(day.serial);
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
