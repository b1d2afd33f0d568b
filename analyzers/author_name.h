// Author names as lookup keys. `papers author` must find an author exactly,
// whatever the case, diacritics or name order the user types:
//   "Ge Zhang", "ge zhang", "Zhang, Ge", "Zhang Ge"  -> the same key
//   "José Pombal", "jose pombal"                      -> the same key
//   "Zhang Ge Wei"                                     -> a different key
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace papers {

// The words of a name, normalised (NFKC, case folded, diacritics removed,
// punctuation other than inner hyphens/apostrophes dropped), in written
// order; "Last, First" is turned into "First Last". Empty if no words.
std::vector<std::string> author_name_words(std::string_view name);

// The order-independent key: author_name_words sorted and joined by one
// space. "Zhang, Ge" and "Ge Zhang" -> "ge zhang".
std::string author_key(std::string_view name);

}  // namespace papers
