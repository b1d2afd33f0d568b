// papers: full-text search over Korean digests of AI papers. Builds the
// command line, hands it to the one subcommand named, returns its exit status
// (exit_codes.h has the table).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/utf8.h"
#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/stdout_buffer.h"

namespace {

using papers::cli::Command;

std::string command_names(const std::vector<Command>& commands) {
    std::string names;
    for (const auto& command : commands)
        names += (names.empty() ? "" : ", ") + command.app->get_name();
    return names;
}

bool is_command(const std::vector<Command>& commands, const std::string& name) {
    return std::any_of(commands.begin(), commands.end(),
                       [&](const Command& command) { return command.app->get_name() == name; });
}

// Parses the command line as CLI11 does, with the help a person needs when
// it goes wrong: `papers help [CMD]`, the commands named when none or an
// unknown one is given, how to write a query word that starts with '-'.
// Returns the exit status when there is nothing to run.
std::optional<int> parse(CLI::App& app, const std::vector<Command>& commands, int argc,
                         char** argv) {
    using namespace papers::cli;
    std::vector<std::string> args(argv, argv + argc);
    if (args.size() >= 2 && args[1] == "help") {  // `papers help CMD` is `papers CMD --help`
        args.erase(args.begin() + 1);
        if (args.size() > 2) args.resize(2);
        args.push_back("--help");
    }
    const std::string first = args.size() >= 2 ? args[1] : "";
    if (first.empty() || (first[0] != '-' && !is_command(commands, first))) {
        std::cerr << "papers: "
                  << (first.empty() ? std::string("a command is needed")
                                    : "unknown command '" + papers::printable(first) + "'")
                  << "; the commands are: " << command_names(commands)
                  << "\n(papers help COMMAND, or papers --help)\n";
        return kExitUsage;
    }
    std::vector<const char*> pointers;
    for (const auto& arg : args) pointers.push_back(arg.c_str());
    try {
        app.parse(static_cast<int>(pointers.size()), pointers.data());
    } catch (const CLI::ParseError& e) {
        // --help and --version are "errors" with status 0; real ones are usage errors.
        if (app.exit(e) == 0) return kExitOk;
        const bool dash_word = std::any_of(args.begin() + 2, args.end(), [](const auto& arg) {
            return arg.size() > 1 && arg[0] == '-' && arg[1] != '-';
        });
        if (dynamic_cast<const CLI::ExtrasError*>(&e) && dash_word)
            std::cerr << "a word starting with '-' is read as a flag; to exclude a word, put -- "
                         "before the query\n(papers search -- diffusion -video) or quote it "
                         "(papers search 'diffusion -video')\n";
        return kExitUsage;
    }
    return std::nullopt;
}

// Runs the subcommand; whatever it throws (a library error that escaped,
// std::bad_alloc) is reported and exits 4, never std::terminate.
int run_guarded(const Command& command) {
    using namespace papers::cli;
    try {
        return command.run();
    } catch (const std::bad_alloc&) {
        std::cerr << "papers: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "papers: internal error: " << papers::printable(e.what()) << "\n";
    } catch (...) {
        std::cerr << "papers: internal error (an unknown exception)\n";
    }
    return kExitIndexError;
}

// Output that could not be written (a full disk, an I/O error) is an error:
// a script must not take a cut result for a whole one. A closed pipe (`|
// head`) ends the process by SIGPIPE before this, quietly, as in any Unix tool.
int check_output(int status, papers::cli::StdoutBuffer& out) {
    using namespace papers::cli;
    std::cout.flush();
    const std::string error = out.finish();
    if (error.empty()) return status;
    std::cerr << "papers: cannot write the output: " << error << "\n";
    return kExitIndexError;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace papers::cli;
    StdoutBuffer out;
    const StdoutRedirect redirect(std::cout, out);
    CLI::App app{"Full-text search over Korean digests of AI papers (Hugging Face Daily Papers).",
                 "papers"};
    app.set_version_flag("--version", PAPERS_VERSION);
    app.require_subcommand(1);
    // The footer of `papers --help` and of the commands that read the index;
    // index, fetch, update and rebuild set their own (no pager, no --color).
    app.footer(std::string(kIndexLocationHelp) + "\n" + kColorHelp + "\n" + kPagerHelp + "\n\n" +
               kExitCodeHelp);

    const std::vector<Command> commands = {
        add_index_command(app),    add_search_command(app),  add_author_command(app),
        add_show_command(app),     add_similar_command(app), add_stats_command(app),
        add_fetch_command(app),    add_update_command(app),  add_rebuild_command(app),
        add_glossary_command(app), add_serve_command(app),   add_mirror_command(app)};
    if (const auto status = parse(app, commands, argc, argv)) return *status;
    for (const auto& command : commands)
        if (command.app->parsed()) return check_output(run_guarded(command), out);
    return kExitUsage;
}
