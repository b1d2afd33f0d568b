// The oneline backend (--format oneline): one paper a line, for pipes
// (`papers search x --format oneline | fzf`, cut, sort). Fields are
// tab-separated and made printable(), so a tab, newline or escape sequence
// from a digest can neither split a record nor reach a terminal raw.
#include <ostream>

#include "analyzers/utf8.h"
#include "tools/printer.h"

namespace papers::cli {
namespace {

class OnelinePrinter : public Printer {
  public:
    explicit OnelinePrinter(std::ostream& out) : out_(out) {}

    void search(const SearchResults& results) override { hits(results.hits); }
    void author(const AuthorResults& results) override { hits(results.hits); }
    void similar(const SimilarResults& results) override { hits(results.hits); }
    void paper(const Paper& paper) override { line(paper); }

    // Only search, author and similar take --format; the rest keep the
    // interface whole with one tab-separated line (or row) of the same kind.

    void stats(const IndexStats& stats, const std::string& db_path) override {
        out_ << stats.papers << '\t' << stats.days << '\t' << stats.authors << '\t'
             << printable(stats.first_day) << '\t' << printable(stats.last_day) << '\t'
             << printable(db_path) << '\n';
    }

    void glossary(const GlossaryResults& results) override {
        for (const auto& entry : results.entries)
            out_ << entry.papers << '\t' << printable(entry.korean) << '\t'
                 << printable(entry.english) << '\n';
    }

    void write_report(const WriteReport& report) override {
        out_ << report.command << '\t' << report.index.files_indexed << '\t'
             << report.index.papers_total << '\t' << report.fetch.fetched << '\n';
    }

  private:
    void hits(const std::vector<Hit>& hits) {
        for (const auto& hit : hits) line(hit.paper);
    }

    void line(const Paper& paper) {
        out_ << printable(paper.arxiv_id) << '\t' << printable(paper.date) << '\t';
        if (paper.votes) out_ << *paper.votes;
        out_ << '\t' << printable(paper.title) << '\n';
    }

    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_oneline_printer(std::ostream& out) {
    return std::make_unique<OnelinePrinter>(out);
}

}  // namespace papers::cli
