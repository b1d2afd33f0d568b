// arXiv identifiers as the index keys them: "2409.16191" (new style) or
// "cs/0101001" (old style), without version suffix.
#pragma once

#include <string>
#include <string_view>

namespace papers {

// Accepts a bare id, "arXiv:ID", or an abs/pdf URL (http or https, any
// host spelling), with or without a version suffix or ".pdf":
// "https://arxiv.org/abs/2409.16191v2" -> "2409.16191". Other text is
// returned trimmed, unchanged otherwise.
std::string canonical_arxiv_id(std::string_view text);

// True if `url` links to an arXiv abstract or PDF.
bool is_arxiv_url(std::string_view url);

}  // namespace papers
