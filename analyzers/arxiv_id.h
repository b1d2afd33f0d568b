// arXiv identifiers as the index keys them: "2409.16191" (new style) or
// "cs/0101001" (old style), without version suffix.
#pragma once

#include <string>
#include <string_view>

namespace papers {

// Accepts a bare id, "arXiv:ID", an abs/pdf URL (http or https, any host
// spelling) or a Hugging Face paper page (huggingface.co/papers/ID, hf.co),
// with or without a version suffix or ".pdf":
// "https://arxiv.org/abs/2409.16191v2" -> "2409.16191",
// "https://huggingface.co/papers/2409.16191" -> "2409.16191". Other text is
// returned trimmed, unchanged otherwise.
std::string canonical_arxiv_id(std::string_view text);

// True if `url` links to an arXiv abstract or PDF.
bool is_arxiv_url(std::string_view url);

// True if `url` links to a paper's page on Hugging Face.
bool is_hugging_face_paper_url(std::string_view url);

}  // namespace papers
