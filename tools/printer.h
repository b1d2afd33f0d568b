// Describe output once, print it several ways (notmuch's sprinter.h, ripgrep's
// printers): a subcommand hands its results to a Printer and does not know
// whether they become text for a person or JSON for a program.
//
// JSON schema (stable; keys in this order, votes null when unknown):
//   paper:   {"arxiv_id", "title", "date", "votes", "authors": [..]}
//   search:  {"query", "total", "total_every_word", "relaxed", "suggestion", "corrected",
//             "results": [hit...]}
//            suggestion: the query with misspelt words corrected, or null;
//            corrected: true when the results are for the suggestion (the query
//            as typed matched nothing)
//   similar: {"arxiv_id", "title", "terms": [..], "total", "results": [hit...]}
//   author:  {"query", "total", "matched_names": [..], "suggestions": [..], "results": [hit...]}
//   hit:     {"rank", paper keys..., "score", "snippet", "partial" (only some of the words),
//             "explain" (with --explain)}
//   explain: {"text_score", "votes_score",
//             "terms": [{"field", "term", "origin": typed|korean spelling|synonym|phrase,
//             "weight"}]}
//   show:    {paper keys..., "sections": {"What's New": "...", ...}}
//   stats:   {"papers", "days", "authors", "first_day", "last_day", "index_bytes", "updated"}
//   glossary: {"term", "total", "entries": [{"korean", "english", "papers"}]}
//   index:   {"db", "files_seen", "files_indexed", "files_unchanged", "files_failed",
//             "papers_indexed", "papers_total", "issues": [{"file", "line", "message"}]}
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "indexer/index_writer.h"
#include "query/searcher.h"
#include "tools/terminal.h"

namespace papers::cli {

class Printer {
  public:
    virtual ~Printer() = default;

    // A page of search results. Text: nothing at all when total is 0 (the
    // subcommand says so on stderr).
    virtual void search(const SearchResults& results) = 0;
    // Every paper by an author, newest first. Text: nothing when total is 0.
    virtual void author(const AuthorResults& results) = 0;
    // The papers most like one. Text: nothing when there are none.
    virtual void similar(const SimilarResults& results) = 0;
    virtual void paper(const Paper& paper) = 0;
    virtual void stats(const IndexStats& stats, const std::string& db_path) = 0;
    // Learned glossary pairs. Text: nothing when total is 0.
    virtual void glossary(const GlossaryResults& results) = 0;
    // The outcome of `papers index`; text prints the issues on the error stream.
    virtual void index_report(const IndexReport& report, const std::string& db_path) = 0;
};

struct TextOptions {
    bool color = false;
    size_t width = 0;  // wrap long text to this many columns; 0: do not wrap
};

std::unique_ptr<Printer> make_text_printer(std::ostream& out, std::ostream& err,
                                           TextOptions options);
std::unique_ptr<Printer> make_json_printer(std::ostream& out);

}  // namespace papers::cli
