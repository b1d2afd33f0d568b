#include "analyzers/korean_segmenter.h"

#include <cstdint>

namespace papers {
namespace {

constexpr size_t kSyllable = 3;  // bytes of UTF-8 per Hangul code point
constexpr size_t kMinPart = 2;   // syllables: one-syllable parts are mostly particles

bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xD7B0 && c <= 0xD7FF);
}

// Emits, in lexicographic order of cut points, every split of `n` syllables
// into exactly `parts` parts of at least kMinPart, until `out` holds `limit`.
class Splitter {
  public:
    Splitter(std::string_view word, size_t limit, std::vector<std::vector<std::string>>& out)
        : word_(word), limit_(limit), out_(out) {}

    void split(size_t parts) { extend(0, parts); }

  private:
    void extend(size_t from, size_t parts_left) {
        if (out_.size() >= limit_) return;
        const size_t left = word_.size() / kSyllable - from;
        if (parts_left == 1) {
            current_.emplace_back(word_.substr(from * kSyllable));
            out_.push_back(current_);
            current_.pop_back();
            return;
        }
        for (size_t len = kMinPart; left >= len + kMinPart * (parts_left - 1); ++len) {
            current_.emplace_back(word_.substr(from * kSyllable, len * kSyllable));
            extend(from + len, parts_left - 1);
            current_.pop_back();
            if (out_.size() >= limit_) return;
        }
    }

    std::string_view word_;
    size_t limit_;
    std::vector<std::vector<std::string>>& out_;
    std::vector<std::string> current_;
};

}  // namespace

bool is_hangul_term(std::string_view term) {
    if (term.empty() || term.size() % kSyllable != 0) return false;
    for (size_t i = 0; i < term.size(); i += kSyllable) {
        const auto b0 = static_cast<uint8_t>(term[i]);
        const auto b1 = static_cast<uint8_t>(term[i + 1]);
        const auto b2 = static_cast<uint8_t>(term[i + 2]);
        if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
        const char32_t c = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
        if (!is_hangul(c)) return false;
    }
    return true;
}

std::vector<std::vector<std::string>> hangul_segmentations(std::string_view joined_stem,
                                                           size_t max_results) {
    std::vector<std::vector<std::string>> out;
    if (max_results == 0 || joined_stem.empty()) return out;
    out.push_back({std::string(joined_stem)});
    if (!is_hangul_term(joined_stem)) return out;
    const size_t syllables = joined_stem.size() / kSyllable;
    Splitter splitter(joined_stem, max_results, out);
    for (size_t parts = 2; parts * kMinPart <= syllables && out.size() < max_results; ++parts) {
        splitter.split(parts);
    }
    return out;
}

}  // namespace papers
