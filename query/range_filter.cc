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

// The first or last day of "2024", "2024-09" or "2024-09-25" (`last`: the
// period's last day); nullopt unless it is one of those shapes and a
// calendar day, month or year.
std::optional<Day> period_day(const std::string& date, bool last) {
    const size_t n = date.size();
    if (n != 4 && n != 7 && n != 10) return std::nullopt;
    for (size_t i = 0; i < n; ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash != (date[i] == '-') ||
            (!dash && !std::isdigit(static_cast<unsigned char>(date[i]))))
            return std::nullopt;
    }
    const long year = std::stol(date.substr(0, 4));
    const long month = n >= 7 ? std::stol(date.substr(5, 2)) : last ? 12 : 1;
    const int month_days = days_in_month(year, month);
    const long day = n == 10 ? std::stol(date.substr(8, 2)) : last ? month_days : 1;
    if (!is_calendar_date(year, month, day)) return std::nullopt;
    return day_from_civil({year, static_cast<unsigned>(month), static_cast<unsigned>(day)});
}

Xapian::Query value_range(Xapian::valueno slot, const std::string& low, const std::string& high) {
    if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, high);
    if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, low);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high);
}

// A date bound as its first (`last`: last) day. Empty stays empty (an open
// end).
bool date_bound(const std::string& date, bool last, std::optional<Day>& day, std::string& error) {
    if (date.empty()) return true;
    day = period_day(date, last);
    if (!day) error = "bad date '" + date + "' (use YYYY, YYYY-MM or YYYY-MM-DD)";
    return day.has_value();
}

// An open end is the index's first or last day. The day, month and year
// terms (analyzers/schema.h) filter: they weigh nothing.
Xapian::Query date_range(const Bounds& bounds, const Xapian::Database& db, std::string& error) {
    std::optional<Day> first, last;
    if (!date_bound(bounds.low, false, first, error) || !date_bound(bounds.high, true, last, error))
        return {};
    if (first && last && *last < *first) {
        error = "empty date range '" + bounds.low + ".." + bounds.high + "'";
        return {};
    }
    if (!first) first = schema::day_of_date_value(db.get_value_lower_bound(schema::kSlotDate));
    if (!last) last = schema::day_of_date_value(db.get_value_upper_bound(schema::kSlotDate));
    if (!first || !last || *last < *first) return Xapian::Query::MatchNothing;
    const std::vector<std::string> terms = schema::date_range_terms(*first, *last);
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
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
    if (!bounds.low.empty()) low = schema::votes_value(std::stod(bounds.low));
    if (!bounds.high.empty()) high = schema::votes_value(std::stod(bounds.high));
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
