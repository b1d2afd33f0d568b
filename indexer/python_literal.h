// Python literals as upstream sometimes writes them into the digest: a section
// or author list printed with str(list) or str(dict), e.g.
//   - **Performance Highlights**: ['first point', "it's second"]
//   - **Technical Details**: {'Dataset': '...', 'Model': '...'}
// We flatten such a value into lines of text instead of indexing brackets and
// quotes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace papers {

// If `text` (surrounding whitespace aside) is exactly one list or dict
// literal, returns its content as lines: one line per list item, "key: value"
// per dict entry; a nested list or dict under a key gives a "key:" line
// followed by its own lines. Strings are unescaped (\' \" \\ \n \t \xHH
// \uXXXX ...); numbers, True/False/None are kept as written. Otherwise
// (not a literal, unbalanced, trailing text) returns nullopt.
std::optional<std::vector<std::string>> python_literal_lines(std::string_view text);

}  // namespace papers
