#include "analyzers/calendar.h"

#include <cstdio>
#include <ctime>

namespace papers {
namespace {

// The value of `text` if it is all ASCII digits, else -1.
long parse_digits(std::string_view text) {
    if (text.empty()) return -1;
    long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

bool is_leap_year(long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(long year, long month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_calendar_date(long year, long month, long day) {
    return day >= 1 && day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain).
Day day_from_civil(CivilDate c) {
    const long y = c.year - (c.month <= 2);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (c.month > 2 ? c.month - 3 : c.month + 9) + 2) / 5 + c.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Day{era * 146097 + static_cast<long>(doe) - 719468};
}

CivilDate civil_of(Day day) {
    const long z = day.serial + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<long>(yoe) + era * 400 + (m <= 2), m, d};
}

std::optional<Day> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const long year = parse_digits(text.substr(0, 4));
    const long month = parse_digits(text.substr(5, 2));
    const long day = parse_digits(text.substr(8, 2));
    if (year < 1900 || !is_calendar_date(year, month, day)) return std::nullopt;
    return day_from_civil({year, static_cast<unsigned>(month), static_cast<unsigned>(day)});
}

std::string format_day(Day day) {
    const CivilDate c = civil_of(day);
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

}  // namespace papers
