// date: and votes: ranges. A date range is the year, month and day terms
// that cover it; a votes range a value-range query over the votes slot
// (analyzers/schema.h declares both).
//   date:2024-09-01..2024-09-30  date:2024-09  date:2024  date:2024-09-01..  date:..2024-01-31
//   votes:20..  votes:..5  votes:10..20  votes:28
#pragma once

#include <xapian.h>

#include <string>

#include "analyzers/schema.h"

namespace papers {

// On a malformed value, returns an empty query and sets `error`. An open
// date range ends at `db`'s first or last day.
Xapian::Query range_filter(const schema::Field& field, const std::string& value,
                           const Xapian::Database& db, std::string& error);

}  // namespace papers
