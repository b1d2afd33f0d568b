// Calendar dates, checked in one place for every reader of a date: the
// digest parser (header dates, paths), fetch's --from and --to, and the
// query's date: ranges. Proleptic Gregorian.
#pragma once

namespace papers {

bool is_leap_year(long year);

// 28..31; 0 for a month outside 1..12.
int days_in_month(long year, long month);

// 2024-02-29 is a date, 2023-02-29 and 2024-02-31 are not.
bool is_calendar_date(long year, long month, long day);

}  // namespace papers
