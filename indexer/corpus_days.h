// The corpus layout, upstream's: <corpus>/paper_logs/YYYY/MM/DD.md, one
// digest a day. Days are counted as serial numbers (days since 1970-01-01),
// so ranges are plain integer loops.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace papers {

// A calendar day as days since 1970-01-01 (proleptic Gregorian, UTC).
struct Day {
    long serial = 0;
};
inline bool operator<(Day a, Day b) {
    return a.serial < b.serial;
}
inline bool operator==(Day a, Day b) {
    return a.serial == b.serial;
}

// "YYYY-MM-DD" -> Day; nullopt unless it is exactly that shape and a real
// calendar date (2024-02-30 is not), years 1900..9999.
std::optional<Day> parse_day(std::string_view text);
// Day -> "YYYY-MM-DD".
std::string format_day(Day day);
Day next_day(Day day);
Day today_utc();

// "paper_logs/YYYY/MM/DD.md", relative to the corpus root and to the base URL.
std::string digest_relative_path(Day day);

// The newest day with a digest file in `corpus_dir` (paper_logs/YYYY/MM/DD.md,
// nothing else counts: temporary files and stray names are ignored), or
// nullopt when there is none or the directory cannot be read.
std::optional<Day> newest_day_present(const std::string& corpus_dir);

}  // namespace papers
