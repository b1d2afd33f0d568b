// libFuzzer target: the helpers the digest parser applies to one line or
// value: Python literals, markdown cleaning, title links, arXiv URLs and
// ids, votes, dates, author lists and author keys, upstream's paper list.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analyzers/arxiv_id.h"
#include "analyzers/author_name.h"
#include "analyzers/utf8.h"
#include "indexer/digest_lines.h"
#include "indexer/markdown_text.h"
#include "indexer/paper_list.h"
#include "indexer/python_literal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace papers;
    const std::string raw(reinterpret_cast<const char*>(data), size);
    // The parser sanitises a file before it looks at a line.
    const std::string line = sanitize_utf8(raw);

    if (auto lines = python_literal_lines(line))
        for (const auto& item : *lines)
            if (!is_valid_utf8(item)) std::abort();
    if (!is_valid_utf8(clean_inline(line))) std::abort();
    strip_html_tags(line);
    strip_emphasis(line);
    decode_entities(line);
    strip_list_marker(line);
    excerpt(line);
    if (auto heading = parse_heading(line)) parse_title_link(heading->text);
    if (auto link = parse_title_link(line)) arxiv_id_from_url(link->url);
    arxiv_id_from_url(line);
    canonical_arxiv_id(raw);
    is_arxiv_url(raw);
    const BodyLine body = classify_body_line(line);
    parse_votes(body.value);
    find_date(line);
    date_from_path(raw);
    for (const auto& author : parse_authors(line)) {
        if (!is_valid_utf8(author)) std::abort();
        author_key(author);
        author_name_words(author);
    }
    parse_paper_list(raw);
    return 0;
}
