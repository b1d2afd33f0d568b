#include "query/range_filter.h"

#include <cctype>
#include <optional>
#include <vector>

#include "analyzers/calendar.h"

namespace papers {
namespace {

struct Bounds {
    std::string low, high;  // empty: open
};

std::optional<Bounds> split_range(const std::string& value) {
    const size_t dots = value.find("..");
    if (dots == std::string::npos) return Bounds{value, value};
    if (value.find("..", dots + 2) != std::string::npos) return std::nullopt;
    Bounds bounds{value.substr(0, dots), value.substr(dots + 2)};
    if (bounds.low.empty() && bounds.high.empty()) return std::nullopt;
    return bounds;
}

bool all_digits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

// "2024", "2024-09" or "2024-09-25" -> "2024", "202409", "20240925".
std::optional<std::string> date_digits(const std::string& date) {
    const size_t n = date.size();
    if (n != 4 && n != 7 && n != 10) return std::nullopt;
    std::string digits;
    for (size_t i = 0; i < n; ++i) {
        if (i == 4 || i == 7) {
            if (date[i] != '-') return std::nullopt;
        } else if (std::isdigit(static_cast<unsigned char>(date[i]))) {
            digits += date[i];
        } else {
            return std::nullopt;
        }
    }
    const int year = std::stoi(digits.substr(0, 4));
    if (digits.size() >= 6 && days_in_month(year, std::stoi(digits.substr(4, 2))) == 0)
        return std::nullopt;
    if (digits.size() == 8 &&
        !is_calendar_date(year, std::stoi(digits.substr(4, 2)), std::stoi(digits.substr(6, 2))))
        return std::nullopt;
    return digits;
}

Xapian::Query value_range(Xapian::valueno slot, const std::string& low, const std::string& high) {
    if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, high);
    if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high);
}

// A date bound as a slot value: the first (pad '0') or last (pad '9') day
// of the year or month it names. Empty stays empty (an open end).
bool date_bound(const std::string& date, char pad, std::string& value, std::string& error) {
    if (date.empty()) return true;
    auto digits = date_digits(date);
    if (!digits) {
        error = "bad date '" + date + "' (use YYYY, YYYY-MM or YYYY-MM-DD)";
        return false;
    }
    value = *digits + std::string(8 - digits->size(), pad);
    return true;
}

// A day as yyyymmdd. Days run to 31 in every month: a day term that no
// paper has costs nothing.
struct Day {
    int y, m, d;
    int packed() const { return y * 10000 + m * 100 + d; }
};

Day day_of(const std::string& digits) {
    return {std::stoi(digits.substr(0, 4)), std::stoi(digits.substr(4, 2)),
            std::stoi(digits.substr(6, 2))};
}

// [low, high] (yyyymmdd, "00" and "99" for a whole month or year) as the
// fewest year, month and day terms: a date range is then a few postings
// lists, not a check of every match's date value.
Xapian::Query date_terms(const std::string& low, const std::string& high) {
    Day day = day_of(low);
    day.m = std::max(day.m, 1);
    day.d = std::max(day.d, 1);
    const int last = day_of(high).packed();
    std::vector<std::string> terms;
    while (day.packed() <= last) {
        const std::string year = std::to_string(day.y);
        const std::string month = year + (day.m < 10 ? "0" : "") + std::to_string(day.m);
        if (day.m == 1 && day.d == 1 && Day{day.y, 12, 31}.packed() <= last) {
            terms.push_back(std::string(schema::kYearPrefix) + year);
            day = {day.y + 1, 1, 1};
        } else if (day.d == 1 && Day{day.y, day.m, 31}.packed() <= last) {
            terms.push_back(std::string(schema::kMonthPrefix) + month);
            day = day.m == 12 ? Day{day.y + 1, 1, 1} : Day{day.y, day.m + 1, 1};
        } else {
            terms.push_back(std::string(schema::kDayPrefix) + month + (day.d < 10 ? "0" : "") +
                            std::to_string(day.d));
            day = day.d < 31    ? Day{day.y, day.m, day.d + 1}
                  : day.m == 12 ? Day{day.y + 1, 1, 1}
                                : Day{day.y, day.m + 1, 1};
        }
    }
    if (terms.empty()) return Xapian::Query::MatchNothing;
    // A filter: the terms weigh nothing.
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

// An open end is the index's first or last day.
Xapian::Query date_range(const Bounds& bounds, const Xapian::Database& db, std::string& error) {
    std::string low, high;
    if (!date_bound(bounds.low, '0', low, error) || !date_bound(bounds.high, '9', high, error))
        return {};
    if (!low.empty() && !high.empty() && low > high) {
        error = "empty date range '" + bounds.low + ".." + bounds.high + "'";
        return {};
    }
    if (low.empty()) low = db.get_value_lower_bound(schema::kSlotDate);
    if (high.empty()) high = db.get_value_upper_bound(schema::kSlotDate);
    if (low.size() != 8 || high.size() != 8 || low > high) return Xapian::Query::MatchNothing;
    return date_terms(low, high);
}

Xapian::Query votes_range(const Bounds& bounds, std::string& error) {
    std::string low, high;
    for (const auto* bound : {&bounds.low, &bounds.high}) {
        if (bound->empty()) continue;
        if (!all_digits(*bound) || bound->size() > 9) {
            error = "bad vote count '" + *bound + "' (use a whole number, e.g. votes:20..)";
            return {};
        }
    }
    if (!bounds.low.empty() && !bounds.high.empty() &&
        std::stol(bounds.low) > std::stol(bounds.high)) {
        error = "empty votes range '" + bounds.low + ".." + bounds.high + "'";
        return {};
    }
    if (!bounds.low.empty()) low = Xapian::sortable_serialise(std::stod(bounds.low));
    if (!bounds.high.empty()) high = Xapian::sortable_serialise(std::stod(bounds.high));
    return value_range(schema::kSlotVotes, low, high);
}

}  // namespace

Xapian::Query range_filter(const schema::Field& field, const std::string& value,
                           const Xapian::Database& db, std::string& error) {
    const auto bounds = split_range(value);
    if (!bounds) {
        error =
            "bad range '" + value + "' for " + std::string(field.name) + ": (use A..B, A.. or ..B)";
        return {};
    }
    if (field.name == "date") return date_range(*bounds, db, error);
    if (field.name == "votes") return votes_range(*bounds, error);
    error = "field '" + std::string(field.name) + ":' does not take a range";
    return {};
}

}  // namespace papers
