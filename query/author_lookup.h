// Finding authors by name key (analyzers/author_name.h) and, when a name is
// unknown, the nearest known ones.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace papers {

// Up to `limit` known author keys closest to `key`: small edit distance, or
// the same words with some added or missing ("zhang" -> "ge zhang").
// Closest first; among equals, the more prolific author first.
std::vector<std::string> nearest_author_keys(const Xapian::Database& db, const std::string& key,
                                             size_t limit);

}  // namespace papers
