#include "tools/commands.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "tools/db_path.h"
#include "tools/exit_codes.h"

namespace papers::cli {

// A number that is a number: "nan" and "inf" pass CLI::Range (every
// comparison with NaN is false).
const CLI::Validator kFinite(
    [](std::string& text) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(text, value) || !std::isfinite(value))
            return "not a finite number: " + text;
        return "";
    },
    "FINITE");

// A count (--limit, --offset): CLI11 reads "-1" into a size_t as its largest
// value, so negatives are refused before.
const CLI::Validator kCount = CLI::Range(0.0, 1e9).description("COUNT");

void define_flags_when_named(CLI::App& command, std::function<void()> define) {
    command.preparse_callback([define = std::move(define)](std::size_t) { define(); });
}

void add_common_options(CLI::App& command, CommonOptions& options) {
    // One path per --db: a list option would otherwise also take the words
    // after it when the command's own words are optional (glossary TERM).
    command.add_option("--db", options.dbs, kReadDbHelp)
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    command.add_flag("--json", options.json, "print one JSON object instead of text");
    add_choice_option<ColorMode>(
        command, "--color", options.color,
        {{"auto", ColorMode::Auto}, {"always", ColorMode::Always}, {"never", ColorMode::Never}},
        "auto: colour on a terminal unless NO_COLOR is set");
}

void add_pager_option(CLI::App& command, CommonOptions& options) {
    options.pageable = true;
    command.add_flag("--no-pager", options.no_pager,
                     "do not page text on a terminal (default: $PAGER, else less -FRX; "
                     "PAGER=cat turns paging off)");
}

void add_format_option(CLI::App& command, CommonOptions& options) {
    add_choice_option<Format>(
        command, "--format", options.format,
        {{"text", Format::Text}, {"oneline", Format::Oneline}, {"json", Format::Json}},
        "oneline: one paper a line, id, date, votes, title, tab-separated (for pipes); "
        "json: as --json");
}

void add_ranking_options(CLI::App& command, Ranking& ranking) {
    command.add_option("--limit", ranking.limit, "results per page")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    command.add_option("--offset", ranking.offset, "skip this many results (next pages)")
        ->check(kCount)
        ->capture_default_str();
    command
        .add_option("--votes-weight", ranking.votes_weight,
                    "relevance ranking: text score + X * log(1 + votes); 0 ignores votes")
        ->check(kFinite)
        ->check(CLI::Range(0.0, 100.0))
        ->capture_default_str();
    command.add_flag("--explain", ranking.explain,
                     "show why each paper matched: its terms, their fields and origins, and "
                     "the text and votes parts of the score");
}

CommonOptions json_output() {
    CommonOptions options;
    options.json = true;
    return options;
}

Output make_printer(const CommonOptions& options) {
    if (options.json || options.format == Format::Json)
        return {nullptr, make_json_printer(std::cout)};
    if (options.format == Format::Oneline) return {nullptr, make_oneline_printer(std::cout)};
    // Decided on the terminal itself, before a pager takes stdout.
    TextOptions text;
    text.color = use_color(options.color, STDOUT_FILENO);
    text.width = std::min<size_t>(terminal_columns(STDOUT_FILENO), 100);
    std::unique_ptr<Pager> pager;
    if (options.pageable) {
        const auto command = pager_command(is_terminal(STDOUT_FILENO), options.no_pager,
                                           std::getenv("PAGER"), on_path("less"));
        if (command) pager = std::make_unique<Pager>(*command);
    }
    return {std::move(pager), make_text_printer(std::cout, std::cerr, text)};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Result<std::string> join_words(const std::vector<std::string>& words, const std::string& what) {
    std::string joined;
    for (const auto& word : words) {
        if (!joined.empty()) joined += ' ';
        joined += word;
    }
    if (joined.find_first_not_of(' ') == std::string::npos)
        return Error{ErrorKind::BadQuery, "the " + what + " is empty"};
    return joined;
}

OpenedIndex open_index(const CommonOptions& options) {
    OpenedIndex index;
    std::vector<std::string> paths = options.dbs;
    if (paths.empty()) {
        auto db_path = resolve_db_path("");
        if (!db_path) {
            index.exit_code = report(db_path.error(), "");
            return index;
        }
        paths.push_back(*db_path);
    }
    for (const auto& path : paths) index.db_path += (index.db_path.empty() ? "" : ", ") + path;
    auto searcher = Searcher::open(paths);
    if (!searcher) {
        index.exit_code = report(searcher.error(), index.db_path);
        return index;
    }
    index.searcher = std::move(*searcher);
    return index;
}

}  // namespace papers::cli
