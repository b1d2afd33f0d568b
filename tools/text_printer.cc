// The text backend: what a person reads on a terminal or in a pager. Every
// string that came from input goes through printable() (directly or through
// text_layout), and escape sequences come only from Style, which is off when
// stdout is not a terminal.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <ostream>

#include "analyzers/utf8.h"
#include "tools/fetch_cli.h"
#include "tools/printer.h"
#include "tools/text_layout.h"

namespace papers::cli {
namespace {

constexpr size_t kShortAuthorCount = 3;
constexpr size_t kPapersColumn = 6;  // "papers" right-aligns counts

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string join_printable(const std::vector<std::string>& items, size_t count,
                           const char* separator) {
    std::string out;
    for (size_t i = 0; i < count && i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += printable(items[i]);
    }
    return out;
}

// "A, B, C +11": the first few authors and how many more there are.
std::string short_authors(const std::vector<std::string>& authors) {
    std::string out = join_printable(authors, kShortAuthorCount, ", ");
    if (authors.size() > kShortAuthorCount)
        out += " +" + std::to_string(authors.size() - kShortAuthorCount);
    return out;
}

std::string arxiv_link(const std::string& arxiv_id) {
    return "https://arxiv.org/abs/" + printable(arxiv_id);
}

// "2024-09-25 · 28 votes", leaving out what is unknown.
std::string date_and_votes(const Paper& paper) {
    std::string out = printable(paper.date);
    if (paper.votes) {
        if (!out.empty()) out += " · ";
        out += plural(static_cast<size_t>(std::max(*paper.votes, 0)), "vote", "votes");
    }
    return out;
}

class TextPrinter : public Printer {
  public:
    TextPrinter(std::ostream& out, std::ostream& err, TextOptions options)
        : out_(out), err_(err), options_(options), style_(options.color) {}

    void search(const SearchResults& results) override {
        if (results.total == 0) return;
        const std::string& shown = results.corrected ? results.suggestion : results.query;
        if (results.corrected)
            out_ << "Showing results for "
                 << style_.paint(printable(results.suggestion), Paint::Title) << " (no results for "
                 << printable(results.query) << ")\n";
        // The count is of the papers with every word; those with some of
        // them follow and are counted apart.
        const size_t every = results.total_every_word ? results.total_every_word : results.total;
        // Beyond 2000 matches Xapian estimates the count (query/searcher.h).
        const std::string about = results.total_exact ? "" : "about ";
        out_ << about << plural(every, "result", "results") << " for \"" << printable(shown) << "\""
             << shown_range(results.hits) << "\n";
        if (!results.corrected && !results.suggestion.empty())
            out_ << "Did you mean: " << style_.paint(printable(results.suggestion), Paint::Title)
                 << "\n";
        std::string note;
        if (results.relaxed && results.total_every_word == 0)
            note = "no paper has every word; showing papers with any of them";
        else if (results.relaxed)
            note = "no paper has the Korean words together; showing papers with each of them";
        if (results.total > every)
            note += std::string(note.empty() ? "" : "; ") + "then " + about +
                    plural(results.total - every, "paper", "papers") + " with some of the words";
        if (!note.empty()) out_ << style_.paint(note, Paint::Dim) << "\n";
        hits(results.hits);
    }

    void author(const AuthorResults& results) override {
        if (results.total == 0) return;
        const std::string who =
            results.matched_names.empty()
                ? printable(results.query)
                : join_printable(results.matched_names, results.matched_names.size(), " / ");
        out_ << plural(results.total, "paper", "papers") << " by " << who
             << shown_range(results.hits) << "\n";
        hits(results.hits);
    }

    void similar(const SimilarResults& results) override {
        if (results.total == 0) return;  // a page past the end still says so
        out_ << "Papers like " << printable(results.paper.arxiv_id) << " \""
             << printable(results.paper.title) << "\"" << shown_range(results.hits) << "\n";
        hits(results.hits);
    }

    void paper(const Paper& paper) override {
        out_ << title(paper.title, "", 0) << "\n"
             << style_.paint(arxiv_link(paper.arxiv_id), Paint::Link) << "\n"
             << date_and_votes(paper) << "\n"
             << wrap({{"Authors: " + join_printable(paper.authors, paper.authors.size(), ", "),
                       false}},
                     0, options_.width, style_)
             << "\n";
        for (const auto& section : paper.sections) {
            out_ << "\n"
                 << style_.paint(printable(section.name), Paint::Heading) << "\n"
                 << wrap_lines(section.text, 4, options_.width, style_) << "\n";
        }
    }

    void stats(const IndexStats& stats, const std::string& db_path) override {
        const auto or_dash = [](const std::string& s) { return s.empty() ? "-" : printable(s); };
        const std::pair<const char*, std::string> rows[] = {
            {"papers", std::to_string(stats.papers)},
            {"days", std::to_string(stats.days)},
            {"authors", std::to_string(stats.authors)},
            {"first day", or_dash(stats.first_day)},
            {"last day", or_dash(stats.last_day)},
            {"index size", human_bytes(stats.index_bytes)},
            {"updated", or_dash(stats.updated)},
            {"location", printable(db_path)},
        };
        for (const auto& [label, value] : rows) {
            const std::string padded = std::string(label) + std::string(12 - strlen(label), ' ');
            out_ << style_.paint(padded, Paint::Dim) << value << "\n";
        }
    }

    void glossary(const GlossaryResults& results) override {
        if (results.total == 0) return;
        out_ << plural(results.total, "glossary pair", "glossary pairs")
             << (results.term.empty() ? std::string(" learned")
                                      : " containing \"" + printable(results.term) + "\"")
             << (results.entries.size() < results.total
                     ? " (showing " + std::to_string(results.entries.size()) + ")"
                     : std::string())
             << "\n";
        // Columns: papers right-aligned, Korean padded by display width.
        size_t korean_width = std::strlen("korean");
        for (const auto& entry : results.entries)
            korean_width = std::max(korean_width, display_width(printable(entry.korean)));
        const auto row = [&](const std::string& papers, const std::string& korean,
                             const std::string& english) {
            return std::string(kPapersColumn - std::min(kPapersColumn, papers.size()), ' ') +
                   papers + "  " + korean + std::string(korean_width - display_width(korean), ' ') +
                   "  " + english;
        };
        out_ << style_.paint(row("papers", "korean", "english"), Paint::Dim) << "\n";
        for (const auto& entry : results.entries)
            out_ << row(std::to_string(entry.papers), printable(entry.korean),
                        printable(entry.english))
                 << "\n";
    }

    void write_report(const WriteReport& report) override {
        if (report.command == "fetch") {
            out_ << fetch_summary(report.fetch) << " -> " << printable(report.corpus) << "\n";
            return;
        }
        const IndexReport& index = report.index;
        out_ << "files: " << index.files_indexed << " indexed, " << index.files_unchanged
             << " unchanged, " << index.files_failed << " failed"
             << (index.files_removed ? ", " + std::to_string(index.files_removed) + " removed" : "")
             << "; papers: " << index.papers_indexed << " indexed, " << index.papers_total << " in "
             << printable(report.db) << "\n";
        for (const auto& issue : index.issues) {
            err_ << printable(issue.file);
            if (issue.line > 0) err_ << ":" << issue.line;
            err_ << ": " << printable(issue.message) << "\n";
        }
        if (index.listed == 0) return;
        // Upstream lost some blocks; say which, never invent them.
        err_ << index.listed << " papers listed in papers_list.csv, " << index.listed_absent.size()
             << " of them without a block in any digest" << (index.listed_absent.empty() ? "" : ":")
             << "\n";
        for (const auto& paper : index.listed_absent)
            err_ << "  " << printable(paper.date) << "  " << printable(paper.arxiv_id) << "  "
                 << printable(paper.title) << "\n";
    }

  private:
    // " (showing 1-10)": which ranks of the counted papers this page holds.
    // Papers with only some of the words are not counted in the header (they
    // follow under their own heading), so their ranks are not in the range.
    static std::string shown_range(const std::vector<Hit>& hits) {
        if (hits.empty()) return " (none on this page: try a smaller --offset)";
        const auto first_partial =
            std::find_if(hits.begin(), hits.end(), [](const Hit& hit) { return hit.partial; });
        if (first_partial == hits.begin()) return "";
        return " (showing " + std::to_string(hits.front().rank) + "-" +
               std::to_string(std::prev(first_partial)->rank) + ")";
    }

    void hits(const std::vector<Hit>& hits) {
        if (hits.empty()) return;
        // Ranks right-aligned; everything under a title starts at one margin.
        const size_t rank_width = std::to_string(hits.back().rank).size();
        const size_t indent = std::max<size_t>(rank_width + 2, 4);
        bool partial = false;
        for (const auto& hit : hits) {
            if (hit.partial && !partial)
                out_ << "\n"
                     << style_.paint("papers with some of the words:", Paint::Heading) << "\n";
            partial = hit.partial;
            const std::string rank = std::to_string(hit.rank) + ".";
            out_ << "\n" << title(hit.paper.title, rank, indent) << "\n";
            const std::string meta = date_and_votes(hit.paper);
            const std::string authors = short_authors(hit.paper.authors);
            out_ << std::string(indent, ' ')
                 << style_.paint(meta + (meta.empty() || authors.empty() ? "" : " · ") + authors,
                                 Paint::Dim)
                 << "\n"
                 << std::string(indent, ' ')
                 << style_.paint(arxiv_link(hit.paper.arxiv_id), Paint::Link) << "\n";
            if (!hit.snippet.empty())
                out_ << wrap(highlighted_spans(hit.snippet, hit.highlights), indent, options_.width,
                             style_)
                     << "\n";
            if (hit.explanation) explanation(*hit.explanation, hit.score, indent);
        }
    }

    // A title wrapped to the width like a snippet, under one margin of
    // `indent` columns, `label` ("12.") right-aligned before it; painted
    // line by line so that a pager's line never starts inside an escape.
    std::string title(const std::string& text, const std::string& label, size_t indent) const {
        const std::string lines =
            wrap({{printable(text), false}}, indent, options_.width, Style(false));
        std::string out;
        size_t start = 0;
        while (start <= lines.size()) {
            size_t end = lines.find('\n', start);
            if (end == std::string::npos) end = lines.size();
            const std::string line = lines.substr(start, end - start);
            const size_t margin = std::min(indent, line.size());
            if (!out.empty()) out += "\n";
            out += start == 0 && !label.empty()
                       ? std::string(indent - std::min(indent, label.size() + 1), ' ') + label + " "
                       : line.substr(0, margin);
            out += style_.paint(line.substr(margin), Paint::Title);
            start = end + 1;
        }
        return out;
    }

    // "score 12.31 = text 10.20 + votes 2.11" and the matched terms, best
    // first: "title:reward 4.05 · 보상모델 (korean spelling) 1.20".
    void explanation(const Explanation& why, double score, size_t indent) {
        out_ << std::string(indent, ' ')
             << style_.paint("score " + number(score) + " = text " + number(why.text_score) +
                                 " + votes " + number(why.votes_score),
                             Paint::Dim)
             << "\n";
        std::vector<Span> spans;
        for (const auto& term : why.terms) {
            if (!spans.empty()) spans.push_back({" · ", false});
            spans.push_back(
                {(term.field == "text" ? "" : term.field + ":") + printable(term.term), true});
            std::string detail = " " + number(term.weight);
            if (term.origin != TermOrigin::Typed)
                detail = std::string(" (") + origin_name(term.origin) + ")" + detail;
            spans.push_back({detail, false});
        }
        if (!spans.empty()) out_ << wrap(spans, indent, options_.width, style_) << "\n";
    }

    static std::string number(double value) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.2f", value);
        return buffer;
    }

    std::ostream& out_;
    std::ostream& err_;
    TextOptions options_;
    Style style_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream& out, std::ostream& err,
                                           TextOptions options) {
    return std::make_unique<TextPrinter>(out, err, options);
}

}  // namespace papers::cli
