// papers: full-text search over Korean digests of AI papers. Builds the
// command line, hands it to the one subcommand named, returns its exit status
// (exit_codes.h has the table).
#include <CLI/CLI.hpp>

#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"

int main(int argc, char** argv) {
    using namespace papers::cli;
    CLI::App app{"Full-text search over Korean digests of AI papers (Hugging Face Daily Papers).",
                 "papers"};
    app.set_version_flag("--version", PAPERS_VERSION);
    app.require_subcommand(1);
    // The footer of `papers --help` and of the commands that read the index;
    // index, fetch, update and rebuild set their own (no pager, no --color).
    app.footer(std::string(kIndexLocationHelp) + "\n" + kColorHelp + "\n" + kPagerHelp + "\n\n" +
               kExitCodeHelp);

    const Command commands[] = {add_index_command(app),   add_search_command(app),
                                add_author_command(app),  add_show_command(app),
                                add_similar_command(app), add_stats_command(app),
                                add_fetch_command(app),   add_update_command(app),
                                add_rebuild_command(app), add_glossary_command(app)};
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version are "errors" with status 0; real ones are usage errors.
        return app.exit(e) == 0 ? kExitOk : kExitUsage;
    }
    for (const auto& command : commands)
        if (command.app->parsed()) return command.run();
    return kExitUsage;
}
