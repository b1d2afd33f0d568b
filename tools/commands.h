// The subcommands of `papers` (one file each, cmd_*.cc) and what they share.
// Each registers itself on the app with its flags bound to a plain options
// struct, and returns how to run once the command line has been parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "query/searcher.h"
#include "tools/printer.h"
#include "tools/terminal.h"

namespace papers::cli {

struct Command {
    CLI::App* app;
    std::function<int()> run;  // returns the exit status (exit_codes.h)
};

Command add_index_command(CLI::App& app);
Command add_search_command(CLI::App& app);
Command add_author_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_similar_command(CLI::App& app);
Command add_stats_command(CLI::App& app);
Command add_fetch_command(CLI::App& app);
Command add_update_command(CLI::App& app);
Command add_rebuild_command(CLI::App& app);
Command add_glossary_command(CLI::App& app);

// Runs `define`, which adds the flags of `command`, only when `command` is
// named on the command line, before its arguments are parsed (its --help
// sees them too). Building the flags of all ten subcommands cost about 5% of
// a `papers search`; a run needs only one subcommand's.
void define_flags_when_named(CLI::App& command, std::function<void()> define);

// Flags every subcommand has.
struct CommonOptions {
    std::string db;  // --db; empty: $PAPERS_DB, then the XDG default
    bool json = false;
    ColorMode color = ColorMode::Auto;
};

// Adds an option taking one name of `choices` (case-insensitive) and storing
// its value in `target`. `target` keeps its value when the option is absent.
template <typename Enum>
CLI::Option* add_choice_option(CLI::App& command, const std::string& flag, Enum& target,
                               const std::vector<std::pair<std::string, Enum>>& choices,
                               const std::string& help) {
    std::vector<std::string> names;
    std::string current;
    for (const auto& [name, value] : choices) {
        names.push_back(name);
        if (value == target) current = name;
    }
    auto* option = command.add_option_function<std::string>(
        flag,
        [&target, choices](const std::string& name) {
            // CLI11 accepted it ignoring case ("Votes"); match it the same way.
            for (const auto& [choice, value] : choices)
                if (CLI::detail::to_lower(choice) == CLI::detail::to_lower(name)) target = value;
        },
        help);
    option->check(CLI::IsMember(names, CLI::ignore_case))->default_str(current);
    return option;
}

// Validators: a finite number; a count 0..1e9 (no "-1").
extern const CLI::Validator kFinite;
extern const CLI::Validator kCount;

// Adds --db, --json and --color to `command`.
void add_common_options(CLI::App& command, CommonOptions& options);

// Adds --limit, --offset and --votes-weight, stored in `ranking`.
void add_ranking_options(CLI::App& command, Ranking& ranking);

// JSON or text on stdout (text coloured and wrapped only on a terminal).
std::unique_ptr<Printer> make_printer(const CommonOptions& options);

// QUERY... and NAME... words joined by single spaces. Error kind: BadQuery
// (a usage error) when they hold nothing but spaces; `what` names them.
Result<std::string> join_words(const std::vector<std::string>& words, const std::string& what);

// The index a read-only subcommand works on. When it cannot be opened,
// `searcher` is null, the reason has been printed and `exit_code` says it.
struct OpenedIndex {
    std::string db_path;
    std::unique_ptr<Searcher> searcher;
    int exit_code = 0;
};
OpenedIndex open_index(const CommonOptions& options);

}  // namespace papers::cli
