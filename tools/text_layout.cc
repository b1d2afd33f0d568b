#include "tools/text_layout.h"

#include <algorithm>

#include "analyzers/utf8.h"

namespace papers::cli {
namespace {

bool is_continuation(std::string_view s, size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
}

// Highlights as sorted, non-overlapping ranges on character boundaries.
std::vector<Highlight> normalised(std::string_view s, std::vector<Highlight> ranges) {
    for (auto& r : ranges) {
        r.end = std::min(r.end, s.size());
        r.start = std::min(r.start, r.end);
        while (r.start > 0 && is_continuation(s, r.start)) --r.start;
        while (is_continuation(s, r.end)) ++r.end;
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const Highlight& a, const Highlight& b) { return a.start < b.start; });
    std::vector<Highlight> merged;
    for (const auto& r : ranges) {
        if (r.start == r.end) continue;
        if (!merged.empty() && r.start <= merged.back().end)
            merged.back().end = std::max(merged.back().end, r.end);
        else
            merged.push_back(r);
    }
    return merged;
}

// One word of output: pieces that differ only in highlighting.
struct Word {
    std::vector<Span> pieces;
    size_t width = 0;
};

std::vector<Word> split_words(const std::vector<Span>& spans) {
    std::vector<Word> words(1);
    for (const auto& span : spans) {
        size_t from = 0;
        while (from <= span.text.size()) {
            const size_t space = std::min(span.text.find(' ', from), span.text.size());
            if (space > from) {
                std::string piece = span.text.substr(from, space - from);
                words.back().width += display_width(piece);
                words.back().pieces.push_back({std::move(piece), span.highlight});
            }
            if (space == span.text.size()) break;
            if (!words.back().pieces.empty()) words.emplace_back();
            from = space + 1;
        }
    }
    if (words.back().pieces.empty()) words.pop_back();
    return words;
}

}  // namespace

std::vector<Span> highlighted_spans(std::string_view snippet,
                                    const std::vector<Highlight>& highlights) {
    std::vector<Span> spans;
    const auto add = [&](size_t start, size_t end, bool highlight) {
        if (end > start)
            spans.push_back({printable(snippet.substr(start, end - start)), highlight});
    };
    size_t at = 0;
    for (const auto& range : normalised(snippet, highlights)) {
        add(at, range.start, false);
        add(range.start, range.end, true);
        at = range.end;
    }
    add(at, snippet.size(), false);
    return spans;
}

std::string wrap(const std::vector<Span>& spans, size_t indent, size_t width, const Style& style) {
    const std::vector<Word> words = split_words(spans);
    if (words.empty()) return "";
    const std::string margin(indent, ' ');
    std::string out = margin;
    size_t column = indent;
    bool line_empty = true;
    for (const auto& word : words) {
        if (!line_empty && width > 0 && column + 1 + word.width > width) {
            out += "\n" + margin;
            column = indent;
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++column;
        }
        for (const auto& piece : word.pieces)
            out += piece.highlight ? style.paint(piece.text, Paint::Match) : piece.text;
        column += word.width;
        line_empty = false;
    }
    return out;
}

std::string wrap_lines(std::string_view text, size_t indent, size_t width, const Style& style) {
    // Several lines are list items: each gets a "- " and wraps under its text.
    const bool items = text.find('\n') != std::string_view::npos;
    std::string out;
    size_t from = 0;
    while (from <= text.size()) {
        const size_t newline = std::min(text.find('\n', from), text.size());
        std::string line = wrap({{printable(text.substr(from, newline - from)), false}},
                                indent + (items ? 2 : 0), width, style);
        if (items && !line.empty()) line[indent] = '-';
        if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
        from = newline + 1;
    }
    return out;
}

}  // namespace papers::cli
