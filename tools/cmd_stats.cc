// papers stats [--db DIR] [--json]
// Papers, days covered, authors, index size and the last update.
#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace papers::cli {
namespace {

struct StatsOptions {
    CommonOptions common;
};

int run_stats(const StatsOptions& options) {
    auto index = open_index(options.common);
    if (!index.searcher) return index.exit_code;
    const auto stats = index.searcher->stats();
    if (!stats) return report(stats.error(), index.db_path);
    make_printer(options.common)->stats(*stats, index.db_path);
    return kExitOk;
}

}  // namespace

Command add_stats_command(CLI::App& app) {
    auto options = std::make_shared<StatsOptions>();
    auto* command = app.add_subcommand("stats", "what the index holds");
    define_flags_when_named(*command, [command, options] {
        add_common_options(*command, options->common);
        add_pager_option(*command, options->common);
    });
    return {command, [options] { return run_stats(*options); }};
}

}  // namespace papers::cli
