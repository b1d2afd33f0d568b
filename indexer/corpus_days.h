// The corpus layout, upstream's: <corpus>/paper_logs/YYYY/MM/DD.md, one
// digest a day (days: analyzers/calendar.h).
#pragma once

#include <optional>
#include <string>

#include "analyzers/calendar.h"

namespace papers {

// "paper_logs/YYYY/MM/DD.md", relative to the corpus root and to the base URL.
std::string digest_relative_path(Day day);

// The newest day with a digest file in `corpus_dir` (paper_logs/YYYY/MM/DD.md,
// nothing else counts: temporary files and stray names are ignored), or
// nullopt when there is none or the directory cannot be read.
std::optional<Day> newest_day_present(const std::string& corpus_dir);

}  // namespace papers
