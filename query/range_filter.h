// date: and votes: ranges as Xapian value-range queries over the slots that
// analyzers/schema.h declares.
//   date:2024-09-01..2024-09-30  date:2024-09  date:2024  date:2024-09-01..  date:..2024-01-31
//   votes:20..  votes:..5  votes:10..20  votes:28
#pragma once

#include <xapian.h>

#include <string>

#include "analyzers/schema.h"

namespace papers {

// On a malformed value, returns an empty query and sets `error`.
Xapian::Query range_filter(const schema::Field& field, const std::string& value,
                           std::string& error);

}  // namespace papers
