// Laying out text from the index for a terminal: make it printable, mark the
// matched words, wrap it to a width. Everything here is applied to input text
// before it is written, so control characters from a digest never reach the
// terminal raw.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/searcher.h"
#include "tools/terminal.h"

namespace papers::cli {

// A run of printable text, highlighted or not.
struct Span {
    std::string text;
    bool highlight = false;
};

// Splits `snippet` at the highlight byte ranges (sorted, clamped, merged and
// moved to UTF-8 character boundaries) and makes every piece printable().
std::vector<Span> highlighted_spans(std::string_view snippet,
                                    const std::vector<Highlight>& highlights);

// Lays the spans out as words separated by single spaces, in lines of at most
// `width` columns (0: never wrap), each line starting with `indent` spaces.
// Highlighted pieces are painted Paint::Match. Ends without a newline.
std::string wrap(const std::vector<Span>& spans, size_t indent, size_t width, const Style& style);

// Wraps input text made of lines (a paragraph, or list items one a line),
// each line made printable() and wrapped on its own. When there are several
// lines, each starts with "- " and wraps under its own text. Blank lines are
// dropped.
std::string wrap_lines(std::string_view text, size_t indent, size_t width, const Style& style);

}  // namespace papers::cli
