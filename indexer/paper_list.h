// Upstream's own list of papers (papers_list.csv: date,title,url), used to
// report papers that are listed but have no block in any digest: upstream
// lost some blocks, and the index must say so rather than invent them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace papers {

struct ListedPaper {
    std::string date;
    std::string title;
    std::string arxiv_id;  // from the url; empty if it is not an arXiv link
};

// Parses the CSV (RFC 4180 quoting; a header row is skipped).
std::vector<ListedPaper> parse_paper_list(std::string_view csv);

}  // namespace papers
