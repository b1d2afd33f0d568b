// One pass over the lines of a digest. Each line is classified by its shape
// (heading, bullet, "Label: value", media, text) and fed to the paper being
// built; a "###" heading closes the previous paper and opens the next.
//
// Decisions worth knowing:
// - A duplicate arXiv id in the same file keeps the first block and reports
//   the later one (skipped): the first is what upstream listed first, and a
//   reported issue is easier to notice than a silent merge.
// - Section names are labels in emphasis ("- **What's New**: ..."); a bullet
//   without one, or text before any section, goes to the section "Summary".
//   Indented lines, sub-bullets and numbered lines continue the current
//   section on a new line. Sections that end up empty are dropped.
// - Authors are split on commas (or read as a Python list); exact repeats and
//   entries without a letter or digit (upstream's "+") are dropped.
#include "indexer/digest_parser.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include "analyzers/utf8.h"
#include "indexer/digest_lines.h"
#include "indexer/markdown_text.h"
#include "indexer/python_literal.h"

namespace papers {
namespace {

constexpr std::string_view kSummarySection = "Summary";

// A section as it is being read: its name and the raw lines of its text.
struct PendingSection {
    std::string name;
    std::vector<std::string_view> raw;
};

// Turns the raw lines of a section into its text: a Python literal becomes
// its items, other lines are cleaned; one line of text per input line.
std::string section_text(const PendingSection& section) {
    std::vector<std::string> lines;
    size_t next = 0;
    if (!section.raw.empty()) {
        if (auto items = python_literal_lines(section.raw[0])) {
            lines = std::move(*items);
            next = 1;
        } else if (section.raw.size() > 1) {
            std::string joined;  // a literal written over several lines
            for (std::string_view r : section.raw) joined.append(r).append("\n");
            if (auto all = python_literal_lines(joined)) {
                lines = std::move(*all);
                next = section.raw.size();
            }
        }
    }
    for (; next < section.raw.size(); ++next)
        lines.emplace_back(strip_list_marker(section.raw[next]));
    std::string text;
    for (const std::string& line : lines) {
        std::string clean = clean_inline(line);
        if (clean.empty()) continue;
        if (!text.empty()) text += '\n';
        text += clean;
    }
    return text;
}

class DigestParser {
  public:
    explicit DigestParser(const std::string& file_name) : file_(file_name) {
        result_.date = date_from_path(file_name);
    }

    void feed(std::string_view line, size_t line_no) {
        if (const auto heading = parse_heading(line)) {
            on_heading(*heading, line_no);
        } else if (current_) {
            on_body_line(line, line_no);
        }
    }

    DigestParse finish() {
        finish_paper();
        if (!header_date_.empty()) result_.date = header_date_;
        if (result_.date.empty()) {
            result_.papers.clear();
            result_.issues.clear();
            report(0,
                   "no digest date: no \"## Daily Papers (YYYY-MM-DD)\" header and no date in the "
                   "file name; file skipped");
        }
        if (!result_.date.empty() && result_.papers.empty() && result_.issues.empty())
            report(0,
                   "no paper in this file (no \"### [Title](arXiv URL)\" heading): not a digest?");
        for (Paper& p : result_.papers) p.date = result_.date;
        return std::move(result_);
    }

  private:
    void report(size_t line_no, std::string message) {
        result_.issues.push_back({file_, line_no, std::move(message)});
    }

    void on_heading(const Heading& h, size_t line_no) {
        if (h.level >= 4 && current_) {  // a sub-heading names a section
            if (room_for_section(h.text, line_no)) start_section(clean_inline(h.text));
            return;
        }
        finish_paper();
        if (h.level == 3) {
            start_paper(h.text, line_no);
        } else if (h.level <= 2 && result_.papers.empty() && header_date_.empty()) {
            header_date_ = find_date(h.text);
        }
    }

    void start_paper(std::string_view text, size_t line_no) {
        cut_notes_.clear();
        const auto link = parse_title_link(text);
        if (!link) {
            report(line_no, "heading is not a paper link \"### [Title](arXiv URL)\": \"" +
                                excerpt(text) + "\"; block skipped");
            return;
        }
        const auto id = arxiv_id_from_url(link->url);
        if (!id) {
            report(line_no, "title link is not an arXiv paper URL: \"" + excerpt(link->url) +
                                "\"; block skipped");
            return;
        }
        std::string title = clean_inline(cut(link->title, kMaxTitleBytes, line_no, "title"));
        if (title.empty()) {
            report(line_no, "paper " + *id + " has an empty title; block skipped");
            return;
        }
        const auto [seen, inserted] = first_line_of_id_.emplace(*id, line_no);
        if (!inserted) {
            report(line_no, "duplicate arXiv id " + *id + " (first at line " +
                                std::to_string(seen->second) + "); block skipped");
            return;
        }
        current_.emplace();
        current_->arxiv_id = *id;
        current_->title = std::move(title);
        current_->source_file = file_;
        current_->source_line = line_no;
        for (auto& note : cut_notes_) report(note.first, "paper " + *id + ": " + note.second);
        cut_notes_.clear();
    }

    // `text`, or its first `limit` bytes (whole code points) with a note of
    // the cut for the paper's report.
    std::string_view cut(std::string_view text, size_t limit, size_t line_no, const char* what) {
        if (text.size() <= limit) return text;
        const std::string_view kept = utf8_prefix(text, limit);
        cut_notes_.emplace_back(line_no, std::string(what) + " cut to " +
                                             std::to_string(kept.size()) + " bytes (of " +
                                             std::to_string(text.size()) + ")");
        return kept;
    }

    void finish_paper() {
        if (!current_) return;
        if (text_left_out_ > 0)
            report(cut_line_, "paper " + current_->arxiv_id + ": text cut to " +
                                  std::to_string(kMaxPaperTextBytes / 1024) + " KiB; " +
                                  std::to_string(text_left_out_) +
                                  " bytes from this line on are not indexed");
        for (auto& note : cut_notes_)
            report(note.first, "paper " + current_->arxiv_id + ": " + note.second);
        cut_notes_.clear();
        text_bytes_ = text_left_out_ = cut_line_ = 0;
        for (const PendingSection& s : sections_) {
            std::string text = section_text(s);
            if (!text.empty()) current_->sections.push_back({s.name, std::move(text)});
        }
        sections_.clear();
        result_.papers.push_back(std::move(*current_));
        current_.reset();
        seen_vote_ = seen_authors_ = false;
    }

    void start_section(std::string name) { sections_.push_back({std::move(name), {}}); }

    void append_to_section(std::string_view raw, size_t line_no) {
        if (sections_.empty()) start_section(std::string(kSummarySection));
        keep_raw(raw, line_no);
    }

    // Whether a section named `name` still fits in kMaxPaperTextBytes (its
    // name counts); when not, its line is counted as cut.
    bool room_for_section(std::string_view name, size_t line_no) {
        if (text_left_out_ == 0 && text_bytes_ + name.size() <= kMaxPaperTextBytes) {
            text_bytes_ += name.size();
            return true;
        }
        if (text_left_out_ == 0) cut_line_ = line_no;
        text_left_out_ += name.size() + 1;
        return false;
    }

    // Adds a raw line to the open section while the paper's text is within
    // kMaxPaperTextBytes; what is beyond is counted, not kept.
    void keep_raw(std::string_view raw, size_t line_no) {
        const size_t room = kMaxPaperTextBytes - std::min(text_bytes_, kMaxPaperTextBytes);
        if (raw.size() > room) {
            if (text_left_out_ == 0) cut_line_ = line_no;
            const std::string_view kept = utf8_prefix(raw, room);
            text_left_out_ += raw.size() - kept.size();
            raw = kept;
        }
        text_bytes_ += raw.size();
        if (!raw.empty()) sections_.back().raw.push_back(raw);
    }

    void on_body_line(std::string_view line, size_t line_no) {
        const BodyLine body = classify_body_line(line);
        switch (body.kind) {
            case BodyLine::Kind::kBlank:
            case BodyLine::Kind::kMedia:
                return;
            case BodyLine::Kind::kVote:
                if (!seen_vote_) current_->votes = parse_votes(body.value);
                seen_vote_ = true;
                return;
            case BodyLine::Kind::kAuthors:
                if (!seen_authors_)
                    current_->authors =
                        parse_authors(cut(body.value, kMaxAuthorsBytes, line_no, "author list"));
                seen_authors_ = true;
                return;
            case BodyLine::Kind::kSection:
                if (!room_for_section(body.name, line_no)) return;
                start_section(body.name);
                if (!trim(body.value).empty()) keep_raw(body.value, line_no);
                return;
            case BodyLine::Kind::kText:
                append_to_section(body.value, line_no);
                return;
        }
    }

    std::string file_;
    DigestParse result_;
    std::string header_date_;
    std::optional<Paper> current_;
    std::vector<PendingSection> sections_;
    bool seen_vote_ = false;
    bool seen_authors_ = false;
    size_t text_bytes_ = 0;     // of the current paper's sections, kept
    size_t text_left_out_ = 0;  // beyond kMaxPaperTextBytes
    size_t cut_line_ = 0;       // where the text was first cut
    std::vector<std::pair<size_t, std::string>> cut_notes_;  // line, what was cut
    std::unordered_map<std::string, size_t> first_line_of_id_;
};

// Calls `fn(line, line_no)` for each line; "\n", "\r\n" and a lone "\r" end lines.
template <typename Fn>
void for_each_line(std::string_view text, Fn&& fn) {
    size_t line_no = 0;
    for (size_t begin = 0; begin < text.size();) {
        const size_t end = text.find_first_of("\r\n", begin);
        const size_t stop = end == std::string_view::npos ? text.size() : end;
        fn(text.substr(begin, stop - begin), ++line_no);
        if (stop == text.size()) break;
        begin = stop +
                ((text[stop] == '\r' && stop + 1 < text.size() && text[stop + 1] == '\n') ? 2 : 1);
    }
}

}  // namespace

DigestParse parse_digest(std::string_view content, const std::string& file_name) {
    std::string sanitized;
    if (!is_valid_utf8(content)) {
        sanitized = sanitize_utf8(content);
        content = sanitized;
    }
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    DigestParser parser(file_name);
    for_each_line(content, [&](std::string_view line, size_t no) { parser.feed(line, no); });
    return parser.finish();
}

}  // namespace papers
