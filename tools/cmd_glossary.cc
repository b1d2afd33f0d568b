// papers glossary [--db DIR] [--limit N] [--json] [TERM...]
// What the index learned from `한국어 용어(English term)` pairs: the most
// common pairs, or those either side of which contains TERM.
#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace papers::cli {
namespace {

constexpr size_t kDefaultLimit = 20;

struct GlossaryOptions {
    CommonOptions common;
    std::vector<std::string> words;
    size_t limit = kDefaultLimit;
};

int run_glossary(const GlossaryOptions& options) {
    std::string term;
    if (!options.words.empty()) {
        const auto joined = join_words(options.words, "term");
        if (!joined) return report(joined.error(), "");
        term = *joined;
    }
    auto index = open_index(options.common);
    if (!index.searcher) return index.exit_code;
    const auto results = index.searcher->glossary(term, options.limit);
    if (!results) return report(results.error(), index.db_path);
    make_printer(options.common)->glossary(*results);
    if (results->total == 0)
        return report_nothing_found(term.empty() ? "the index has learned no glossary pairs"
                                                 : "no glossary pair contains \"" + term + "\"");
    return kExitOk;
}

}  // namespace

Command add_glossary_command(CLI::App& app) {
    auto options = std::make_shared<GlossaryOptions>();
    auto* command = app.add_subcommand(
        "glossary",
        "Korean-English term pairs learned from the summaries (used to expand queries)");
    define_flags_when_named(*command, [command, options] {
        add_common_options(*command, options->common);
        add_pager_option(*command, options->common);
        command->add_option("--limit", options->limit, "show at most N pairs (0: all)")
            ->check(kCount)
            ->capture_default_str();
        command->add_option("TERM", options->words,
                            "show the pairs containing this English or Korean term");
    });
    return {command, [options] { return run_glossary(*options); }};
}

}  // namespace papers::cli
