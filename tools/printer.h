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
//             "terms": [{"field", "term", "origin": typed|korean spelling|english spelling|synonym|phrase|related,
//             "weight"}]}
//   show:    {paper keys..., "sections": {"What's New": "...", ...}}
//   stats:   {"papers", "days", "authors", "first_day", "last_day", "index_bytes", "updated"}
//   glossary: {"term", "total", "entries": [{"korean", "english", "papers"}]}
//
// The commands that write (index, fetch, update, rebuild) report in one shape;
// every key is always there, zero, empty or null for a step the command does
// not take (fetch indexes nothing, index fetches nothing):
//   write:   {"command": "index"|"fetch"|"update"|"rebuild",
//             "db" (null for fetch), "corpus" (null for index),
//             "generation" (the one rebuild published, else null),
//             "files": {"seen", "indexed", "unchanged", "failed", "removed"},
//             "papers": {"indexed", "total"},
//             "skipped": [{"file", "line", "message"}]  (blocks and unreadable files;
//                                                         line 0: the whole file),
//             "listed": {"papers", "absent": [{"date", "arxiv_id", "title"}]}
//                       (upstream's papers_list.csv: papers it lists, those no digest has),
//             "days": {"fetched", "unchanged", "missing", "failed", "bytes",
//                      "list": [{"date", "outcome", "path", "bytes", "attempts", "message"}]},
//             "seconds": {"fetch", "index", "total"}}
//
// Oneline (--format oneline; search, author, similar): one paper a line,
// "arxiv_id TAB date TAB votes TAB title", votes empty when unknown, every
// field printable() (tabs and newlines from a digest become spaces).
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "indexer/fetcher.h"
#include "indexer/index_writer.h"
#include "query/searcher.h"
#include "tools/terminal.h"

namespace papers::cli {

// What a command that writes did; see "write" above.
struct WriteReport {
    std::string command;     // "index", "fetch", "update", "rebuild"
    std::string db;          // empty for fetch
    std::string corpus;      // empty for index
    std::string generation;  // published by a rebuild, else empty
    IndexReport index;
    FetchReport fetch;
    double fetch_seconds = 0, index_seconds = 0, total_seconds = 0;
};

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
    // What index, fetch, update or rebuild did. Text: the summary line of
    // index or fetch (update and rebuild log instead), the skipped blocks and
    // absent papers on the error stream.
    virtual void write_report(const WriteReport& report) = 0;
};

struct TextOptions {
    bool color = false;
    size_t width = 0;  // wrap long text to this many columns; 0: do not wrap
};

std::unique_ptr<Printer> make_text_printer(std::ostream& out, std::ostream& err,
                                           TextOptions options);
std::unique_ptr<Printer> make_json_printer(std::ostream& out);
std::unique_ptr<Printer> make_oneline_printer(std::ostream& out);

}  // namespace papers::cli
