#include "analyzers/calendar.h"

namespace papers {

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

}  // namespace papers
