// The record of one paper, as the parser produces it and as the index stores it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace papers {

struct Section {
    std::string name;  // as written upstream, e.g. "What's New"; "Summary" for plain bullets
    std::string text;  // markdown emphasis removed; list items one per line
};

struct Paper {
    std::string arxiv_id;  // e.g. "2409.16191" (no version suffix)
    std::string title;
    std::string date;  // YYYY-MM-DD, the digest day
    std::optional<int> votes;
    std::vector<std::string> authors;
    std::vector<Section> sections;
    std::string source_file;  // where it was read from (for messages)
    size_t source_line = 0;   // line of its "### [" header, 1-based
};

}  // namespace papers
