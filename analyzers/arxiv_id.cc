#include "analyzers/arxiv_id.h"

#include <cctype>

namespace papers {
namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

bool is_hugging_face_paper_url(std::string_view url) {
    return url.find("huggingface.co/papers/") != std::string_view::npos ||
           url.find("hf.co/papers/") != std::string_view::npos;
}

bool is_arxiv_url(std::string_view url) {
    return url.find("arxiv.org/abs/") != std::string_view::npos ||
           url.find("arxiv.org/pdf/") != std::string_view::npos;
}

std::string canonical_arxiv_id(std::string_view text) {
    std::string_view id = trim(text);
    for (std::string_view marker : {"/abs/", "/pdf/"}) {
        const size_t at = id.find(marker);
        if (at != std::string_view::npos && is_arxiv_url(id)) id = id.substr(at + marker.size());
    }
    if (is_hugging_face_paper_url(id)) {
        id = id.substr(id.find("/papers/") + 8);
        id = id.substr(0, id.find_first_of("?#"));
    }
    if (id.size() > 6 && (id.substr(0, 6) == "arXiv:" || id.substr(0, 6) == "arxiv:"))
        id.remove_prefix(6);
    while (!id.empty() && (id.back() == '/' || id.back() == '#' || id.back() == '?'))
        id.remove_suffix(1);
    if (ends_with(id, ".pdf")) id.remove_suffix(4);
    // A version suffix: digits, then 'v' and digits at the end.
    const size_t v = id.rfind('v');
    if (v != std::string_view::npos && v > 0 && v + 1 < id.size() &&
        std::isdigit(static_cast<unsigned char>(id[v - 1])) &&
        id.find_first_not_of("0123456789", v + 1) == std::string_view::npos)
        id = id.substr(0, v);
    return std::string(id);
}

}  // namespace papers
