#include "query/snippet.h"

#include <algorithm>
#include <unordered_map>

#include "analyzers/word_pairs.h"

namespace papers {
namespace {

constexpr std::string_view kEllipsis = "…";
// How far before the first matched word a snippet may start, in code points.
constexpr size_t kLeadChars = 30;

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The byte offset `chars` code points after (or, if negative, before) `from`.
size_t advance(const std::string& text, size_t from, long chars) {
    size_t pos = from;
    for (; chars > 0 && pos < text.size(); --chars) {
        ++pos;
        while (pos < text.size() && is_continuation(text[pos])) ++pos;
    }
    for (; chars < 0 && pos > 0; ++chars) {
        --pos;
        while (pos > 0 && is_continuation(text[pos])) --pos;
    }
    return pos;
}

// The byte offsets where the code points of a text start (by the rule
// advance() steps by), then the text's size: steps of any length in
// constant time.
std::vector<uint32_t> code_point_starts(const std::string& text) {
    std::vector<uint32_t> starts{0};
    for (size_t pos = 1; pos < text.size(); ++pos)
        if (!is_continuation(text[pos])) starts.push_back(static_cast<uint32_t>(pos));
    if (!text.empty()) starts.push_back(static_cast<uint32_t>(text.size()));
    return starts;
}

// advance() over `text`, by `starts` (code_point_starts) when given.
struct Stepper {
    const std::string& text;
    const std::vector<uint32_t>* starts = nullptr;

    size_t operator()(size_t from, long chars) const {
        if (!starts) return advance(text, from, chars);
        const auto it = std::lower_bound(starts->begin(), starts->end(), from);
        if (it == starts->end() || *it != from) return advance(text, from, chars);
        const long last = static_cast<long>(starts->size()) - 1;
        return (*starts)[std::clamp(static_cast<long>(it - starts->begin()) + chars, 0L, last)];
    }
};

std::string flatten(const Paper& paper) {
    std::string text;
    for (const auto& section : paper.sections) {
        if (!text.empty()) text += ' ';
        text += section.text;
    }
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    std::replace(text.begin(), text.end(), '\t', ' ');
    return text;
}

struct Match {
    size_t start, end;
    uint32_t word;  // which distinct term
};

// The window start (at a space, or the text start) that holds the most
// distinct matched terms, then the most matches.
size_t best_start(const Stepper& step, const std::vector<Match>& matches, size_t max_chars) {
    const std::string& text = step.text;
    size_t best = 0, best_distinct = 0, best_count = 0;
    std::vector<uint32_t> distinct;
    size_t last_start = std::string::npos;  // of the last window measured
    // The Analyzer gives terms in text order (a compound just before its
    // parts, at the same start): a window's matches are then a run of them.
    const bool in_order =
        std::is_sorted(matches.begin(), matches.end(),
                       [](const auto& a, const auto& b) { return a.start < b.start; });
    for (const auto& first : matches) {
        size_t start = step(first.start, -static_cast<long>(kLeadChars));
        const size_t space = text.find(' ', start);
        if (start > 0 && space != std::string::npos && space < first.start) start = space + 1;
        if (start == last_start) continue;  // the same window: no more terms or matches
        last_start = start;
        const size_t end = step(start, static_cast<long>(max_chars));
        distinct.clear();
        size_t count = 0;
        auto from = matches.begin(), to = matches.end();
        if (in_order) {  // those starting in [start, end): a term is never empty
            const auto starts_before = [](const Match& m, size_t at) { return m.start < at; };
            from = std::lower_bound(matches.begin(), matches.end(), start, starts_before);
            to = std::lower_bound(from, matches.end(), end, starts_before);
        }
        for (auto m = from; m != to; ++m) {
            if (m->start >= start && m->end <= end) {
                if (std::find(distinct.begin(), distinct.end(), m->word) == distinct.end())
                    distinct.push_back(m->word);
                ++count;
            }
        }
        if (distinct.size() > best_distinct ||
            (distinct.size() == best_distinct && count > best_count)) {
            best = start;
            best_distinct = distinct.size();
            best_count = count;
        }
    }
    return best;
}

Snippet cut(const Stepper& step, const std::vector<Match>& matches, size_t max_chars) {
    const std::string& text = step.text;
    const size_t start = matches.empty() ? 0 : best_start(step, matches, max_chars);
    size_t end = step(start, static_cast<long>(max_chars));
    if (end < text.size()) {  // end at a word boundary
        const size_t space = text.rfind(' ', end);
        if (space != std::string::npos && space > start) end = space;
    }

    Snippet snippet;
    if (start > 0) snippet.text += kEllipsis;
    const size_t shift = snippet.text.size();
    snippet.text += text.substr(start, end - start);
    if (end < text.size()) snippet.text += kEllipsis;
    for (const auto& m : matches) {
        if (m.start < start || m.end > end) continue;
        const Highlight h{m.start - start + shift, m.end - start + shift};
        // Compounds and their parts overlap: merge.
        if (!snippet.highlights.empty() && h.start < snippet.highlights.back().end)
            snippet.highlights.back().end = std::max(snippet.highlights.back().end, h.end);
        else
            snippet.highlights.push_back(h);
    }
    return snippet;
}

}  // namespace

SnippetSource snippet_source(const Paper& paper, const Analyzer& analyzer) {
    SnippetSource source;
    source.text = flatten(paper);
    // A snippet's work per hit is bounded: the indexer keeps at most 64 KiB
    // of a paper's text, but an index made before it kept anything.
    if (source.text.size() > kMaxSnippetSourceBytes) {
        size_t cut = kMaxSnippetSourceBytes;
        while (cut > 0 && (static_cast<unsigned char>(source.text[cut]) & 0xC0) == 0x80) --cut;
        source.text.resize(cut);
    }
    source.code_points = code_point_starts(source.text);
    const auto word_of = [&](const std::string& text) {
        const auto [it, added] =
            source.index.emplace(text, static_cast<uint32_t>(source.index.size()));
        if (added) source.words.push_back(text);
        return it->second;
    };
    WordPairs pairs(source.text);
    size_t previous_word = 0;  // the occurrence of the last word (not a mixed token's whole)
    analyzer.analyze(source.text, [&](const Term& term) {
        // A pair (analyzers/word_pairs.h) spans both words; it goes just
        // before the first, so occurrences stay in order of their starts.
        if (const auto pair = pairs.next(term)) {
            const uint32_t first_start = source.occurrences[previous_word].start;
            source.occurrences.insert(source.occurrences.begin() + previous_word,
                                      {word_of(*pair), first_start, term.end});
        }
        if (term.kind != TermKind::Compound) previous_word = source.occurrences.size();
        source.occurrences.push_back({word_of(term.text), term.start, term.end});
    });
    return source;
}

Snippet make_snippet(const SnippetSource& source, const std::set<std::string>& terms,
                     size_t max_chars) {
    std::vector<Match> matches;
    if (!terms.empty()) {
        std::vector<bool> wanted(source.words.size());
        for (const auto& term : terms)
            if (const auto it = source.index.find(term); it != source.index.end())
                wanted[it->second] = true;
        for (const auto& o : source.occurrences)
            if (wanted[o.word]) matches.push_back({o.start, o.end, o.word});
    }
    return cut(Stepper{source.text, &source.code_points}, matches, max_chars);
}

Snippet make_snippet(const Paper& paper, const std::set<std::string>& terms,
                     const Analyzer& analyzer, size_t max_chars) {
    if (terms.empty()) {
        const std::string text = flatten(paper);
        return cut(Stepper{text}, {}, max_chars);
    }
    return make_snippet(snippet_source(paper, analyzer), terms, max_chars);
}

}  // namespace papers
