// libFuzzer target: a whole digest file, as the network may deliver it.
// The parser must accept any bytes, and what it returns must hold together:
// valid UTF-8 everywhere, each paper within the limits of digest_parser.h.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzers/utf8.h"
#include "indexer/digest_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const papers::DigestParse parse = papers::parse_digest(input, "paper_logs/2024/09/25.md");
    for (const auto& paper : parse.papers) {
        size_t text = 0;
        for (const auto& section : paper.sections) {
            if (!papers::is_valid_utf8(section.text)) std::abort();
            text += section.text.size();
        }
        if (text > papers::kMaxPaperTextBytes + 64 * 1024) std::abort();
        if (paper.title.empty() || !papers::is_valid_utf8(paper.title)) std::abort();
        for (const auto& author : paper.authors)
            if (!papers::is_valid_utf8(author)) std::abort();
    }
    return 0;
}
