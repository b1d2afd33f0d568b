// Calendar dates, in one place for every reader and writer of a date: the
// digest parser (header dates, paths), fetch's --from and --to, the index's
// date terms and the query's date: ranges. Proleptic Gregorian, UTC.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace papers {

bool is_leap_year(long year);

// 28..31; 0 for a month outside 1..12.
int days_in_month(long year, long month);

// 2024-02-29 is a date, 2023-02-29 and 2024-02-31 are not.
bool is_calendar_date(long year, long month, long day);

// A calendar day as days since 1970-01-01, so that ranges are plain integer
// loops.
struct Day {
    long serial = 0;
};
inline bool operator<(Day a, Day b) {
    return a.serial < b.serial;
}
inline bool operator==(Day a, Day b) {
    return a.serial == b.serial;
}

// A day as year, month (1..12) and day of the month.
struct CivilDate {
    long year;
    unsigned month, day;
};
Day day_from_civil(CivilDate date);
CivilDate civil_of(Day day);

// "YYYY-MM-DD" -> Day; nullopt unless it is exactly that shape and a real
// calendar date (2024-02-30 is not), years 1900..9999.
std::optional<Day> parse_day(std::string_view text);
// Day -> "YYYY-MM-DD".
std::string format_day(Day day);
Day next_day(Day day);
Day today_utc();

}  // namespace papers
