// The time now as ISO-8601 UTC ("2024-09-25T06:00:00Z"): what the index
// records as its last update and what log lines start with.
#pragma once

#include <string>

namespace papers {

std::string utc_now_iso8601();

}  // namespace papers
