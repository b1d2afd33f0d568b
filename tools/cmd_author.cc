// papers author [--db DIR] [--limit N] [--json] NAME...
// Every paper by one author, newest first. The name matches whatever the case,
// diacritics or order ("Ge Zhang", "zhang, ge").
#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace papers::cli {
namespace {

struct AuthorOptions {
    CommonOptions common;
    std::vector<std::string> words;
    size_t limit = 0;  // 0: every paper
};

// "no author named "X"; did you mean: A, B?"
std::string no_author_message(const AuthorResults& results) {
    std::string message = "no author named \"" + results.query + "\"";
    for (size_t i = 0; i < results.suggestions.size(); ++i)
        message += (i == 0 ? "; did you mean: " : ", ") + results.suggestions[i];
    return message + (results.suggestions.empty() ? "" : "?");
}

int run_author(const AuthorOptions& options) {
    const auto name = join_words(options.words, "name");
    if (!name) return report(name.error(), "");
    auto index = open_index(options.common);
    if (!index.searcher) return index.exit_code;

    const auto results = index.searcher->author(*name, options.limit);
    if (!results) return report(results.error(), index.db_path);
    make_printer(options.common)->author(*results);
    if (results->total == 0) return report_nothing_found(no_author_message(*results));
    return kExitOk;
}

}  // namespace

Command add_author_command(CLI::App& app) {
    auto options = std::make_shared<AuthorOptions>();
    auto* command = app.add_subcommand("author", "every paper by an author, newest first");
    define_flags_when_named(*command, [command, options] {
        add_common_options(*command, options->common);
        add_pager_option(*command, options->common);
        add_format_option(*command, options->common);
        command->add_option("--limit", options->limit, "show at most N papers (0: all)")
            ->check(kCount)
            ->capture_default_str();
        command->add_option("NAME", options->words, "the author's name, in either order")
            ->required();
    });
    return {command, [options] { return run_author(*options); }};
}

}  // namespace papers::cli
