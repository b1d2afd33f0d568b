// papers: full-text search over Korean digests of AI papers. Builds the
// command line, hands it to the one subcommand named, returns its exit status
// (exit_codes.h has the table).
#include <CLI/CLI.hpp>

#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace {

constexpr const char* kIndexLocationHelp =
    "The index lives in --db DIR, else $PAPERS_DB, else $XDG_DATA_HOME/papers/index,\n"
    "else ~/.local/share/papers/index. Colour: --color auto|always|never; auto\n"
    "colours only a terminal, and not when NO_COLOR is set.";

}  // namespace

int main(int argc, char** argv) {
    using namespace papers::cli;
    CLI::App app{"Full-text search over Korean digests of AI papers (Hugging Face Daily Papers).",
                 "papers"};
    app.set_version_flag("--version", PAPERS_VERSION);
    app.require_subcommand(1);
    app.footer(std::string(kIndexLocationHelp) + "\n\n" + kExitCodeHelp);

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
