// Parses one daily digest (markdown) into paper records. Tolerant by design:
// the upstream format has changed several times and will change again, so
// the parser recognises shapes (a "### [Title](arxiv link)" header starts a
// paper; "Vote:", "Authors:" and "- **Section**: text" lines fill it), not
// exact strings. A block it cannot make sense of is reported and skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/paper.h"

namespace papers {

struct ParseIssue {
    std::string file;
    size_t line = 0;  // 1-based; 0 if it concerns the whole file
    std::string message;
};

struct DigestParse {
    std::string date;  // YYYY-MM-DD of the digest ("" if none could be found)
    std::vector<Paper> papers;
    std::vector<ParseIssue> issues;  // reported blocks were skipped
};

// What one paper may cost: a block beyond these is cut (at a UTF-8
// boundary) and the cut reported with its file and line. The largest real
// block is about 3 KiB of text; one of 48 MB took 455 MB to index and
// seconds for every search that showed it.
inline constexpr size_t kMaxPaperTextBytes = 64 * 1024;  // its sections, as written
inline constexpr size_t kMaxTitleBytes = 2 * 1024;
inline constexpr size_t kMaxAuthorsBytes = 32 * 1024;  // the "Authors:" value

// `content` may be any bytes (invalid UTF-8 is replaced, CRLF accepted).
// `file_name` is used in messages and, when the digest has no
// "## Daily Papers (date)" header, to infer the date from a path like
// .../2024/09/25.md or 2024-09-25.md. A dated file with no paper in it is
// reported (line 0).
DigestParse parse_digest(std::string_view content, const std::string& file_name);

}  // namespace papers
