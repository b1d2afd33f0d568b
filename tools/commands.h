// The subcommands of `papers` (one file each, cmd_*.cc) and what they share.
// Each registers itself on the app with its flags bound to a plain options
// struct, and returns how to run once the command line has been parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "query/searcher.h"
#include "tools/pager.h"
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
Command add_serve_command(CLI::App& app);
Command add_mirror_command(CLI::App& app);

// Runs `define`, which adds the flags of `command`, only when `command` is
// named on the command line, before its arguments are parsed (its --help
// sees them too). Building the flags of all ten subcommands cost about 5% of
// a `papers search`; a run needs only one subcommand's.
void define_flags_when_named(CLI::App& command, std::function<void()> define);

// For --help footers.
inline constexpr const char* kColorHelp =
    "Colour: --color auto|always|never; auto colours only a terminal, and not when\n"
    "NO_COLOR is set.";
inline constexpr const char* kPagerHelp =
    "On a terminal, long output goes through $PAGER (default less -FRX); --no-pager\n"
    "or PAGER=cat turns that off.";

// The help of the flags every command that opens an index has, and every
// writer's.
inline constexpr const char* kDbHelp =
    "index directory (default: $PAPERS_DB, else $XDG_DATA_HOME/papers/index, else "
    "~/.local/share/papers/index)";
// A reader's: also a stub file or a server, and several as one index.
inline constexpr const char* kReadDbHelp =
    "index directory, stub file or tcp://HOST:PORT (default: $PAPERS_DB, "
    "else $XDG_DATA_HOME/papers/index, else ~/.local/share/papers/index); "
    "read commands take it more than once to search shards as one index";
inline constexpr const char* kWaitHelp =
    "if another papers update, rebuild or index is running, wait for it "
    "(default: exit at once with status 6)";

// How text is laid out: a page for a person, or one line per paper for
// pipes (--format oneline). --json is --format json.
enum class Format { Text, Oneline, Json };

// Flags every subcommand that reads the index has (and `index`).
struct CommonOptions {
    // --db, once per database (the read commands search several as one
    // index, shards); none: $PAPERS_DB, then the XDG default.
    std::vector<std::string> dbs;
    bool json = false;
    ColorMode color = ColorMode::Auto;
    Format format = Format::Text;
    bool pageable = false;  // read commands: text goes through a pager on a terminal
    bool no_pager = false;  // --no-pager
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

// Adds --no-pager, and marks the output as pageable (pager.h).
void add_pager_option(CLI::App& command, CommonOptions& options);

// Adds --format text|oneline|json (search, author, similar: lists of papers).
void add_format_option(CLI::App& command, CommonOptions& options);

// Adds --limit, --offset and --votes-weight, stored in `ranking`.
void add_ranking_options(CLI::App& command, Ranking& ranking);

// The options of a JSON printer, for the commands with only --json.
CommonOptions json_output();

// A printer and, while it prints, the pager its output goes through.
// Members are destroyed in reverse order: the printer, then the pager (which
// waits for the user to quit it).
class Output {
  public:
    Output(std::unique_ptr<Pager> pager, std::unique_ptr<Printer> printer)
        : pager_(std::move(pager)), printer_(std::move(printer)) {}
    Printer* operator->() const { return printer_.get(); }

  private:
    std::unique_ptr<Pager> pager_;
    std::unique_ptr<Printer> printer_;
};

// JSON, one line per paper, or text on stdout (text coloured and wrapped only
// on a terminal, and paged there when the command is pageable).
Output make_printer(const CommonOptions& options);

// Seconds from `start` to now, for the write commands' timings.
double seconds_since(std::chrono::steady_clock::time_point start);

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
