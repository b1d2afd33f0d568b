// papers search [--db DIR] [--limit N] [--offset N] [--sort relevance|votes|date]
//               [--votes-weight X] [--explain] [--every-word] [--no-synonyms] [--json]
//               QUERY...
#include <algorithm>
#include <iostream>

#include "analyzers/schema.h"
#include "query/text_query.h"
#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace papers::cli {
namespace {

struct SearchOptions {
    CommonOptions common;
    std::vector<std::string> words;
    Ranking ranking;
    bool exact_language = false;  // no glossary synonyms
    bool every_word = false;      // no papers with only some of the words
};

// The query syntax, with one line per field from the schema table, so the
// help cannot drift from what the query parser accepts.
std::string query_syntax_help() {
    std::string help =
        "Query syntax (the QUERY words are joined with spaces):\n"
        "  word word        papers with every word first, then those with some of them\n"
        "  \"a phrase\"       the words in order\n"
        "  a OR b, a AND b  boolean operators (upper case); ( ... ) groups\n"
        "  NOT a, -a        exclude (put -- before a query that starts with -)\n"
        "  FIELD:word       FIELD:\"a phrase\", FIELD:(a group); FIELD is one of:\n";
    for (const auto& field : schema::fields()) {
        std::string name(field.name);
        name.resize(std::max<size_t>(name.size(), 14), ' ');
        help += "    " + name + " " + std::string(field.description) + "\n";
    }
    return help +
           "A misspelt word gets the index's nearest word: its results when the query as\n"
           "typed matches nothing, else a \"Did you mean\" line.\n";
}

int run_search(const SearchOptions& options) {
    const auto query = join_words(options.words, "query");
    if (!query) return report(query.error(), "");
    auto index = open_index(options.common);
    if (!index.searcher) return index.exit_code;

    SearchRequest request;
    static_cast<Ranking&>(request) = options.ranking;
    request.query = *query;
    request.synonyms = !options.exact_language;
    request.fill_with_partial = !options.every_word;
    const auto results = index.searcher->search(request);
    if (!results) return report(results.error(), index.db_path);
    if (results->words_left_out > 0)
        std::cerr << "papers: the query is too long: only its first " << kMaxQueryWords
                  << " words were searched (" << results->words_left_out << " left out)\n";

    make_printer(options.common)->search(*results);
    if (results->total == 0) return report_nothing_found("no paper matches \"" + *query + "\"");
    return kExitOk;
}

}  // namespace

Command add_search_command(CLI::App& app) {
    auto options = std::make_shared<SearchOptions>();
    auto* command = app.add_subcommand("search", "full-text search, best matches first");
    define_flags_when_named(*command, [command, options] {
        add_common_options(*command, options->common);
        add_pager_option(*command, options->common);
        add_format_option(*command, options->common);
        add_ranking_options(*command, options->ranking);
        add_choice_option<SortOrder>(*command, "--sort", options->ranking.sort,
                                     {{"relevance", SortOrder::Relevance},
                                      {"votes", SortOrder::Votes},
                                      {"date", SortOrder::Date}},
                                     "votes: most first; date: newest first");
        command->add_flag("--every-word", options->every_word,
                          "only papers with every word (by default papers with some of the "
                          "words follow them)");
        command->add_flag("--no-synonyms", options->exact_language,
                          "search words only in the language typed (no glossary expansion)");
        command->add_option("QUERY", options->words, "words, phrases and FIELD:word terms")
            ->required();
        command->footer(query_syntax_help());
    });
    return {command, [options] { return run_search(*options); }};
}

}  // namespace papers::cli
