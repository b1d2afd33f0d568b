// papers index [--db DIR] [--force] [--wait] [--json] PATH...
// Indexes digest files and directories of them (recursively). Incremental:
// files unchanged since the last run are skipped unless --force.
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "indexer/digest_files.h"
#include "indexer/index_writer.h"
#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/writer_session.h"

namespace papers::cli {
namespace {

struct IndexOptions {
    CommonOptions common;
    std::vector<std::string> inputs;
    bool force = false;
    bool wait = false;
};

int run_index(const IndexOptions& options) {
    if (options.common.dbs.size() > 1) {
        std::cerr << "papers: index writes one database: give --db once\n";
        return kExitUsage;
    }
    const auto db_path =
        resolve_writable_db_path(options.common.dbs.empty() ? "" : options.common.dbs.front());
    if (!db_path) return report(db_path.error(), "");
    // An input that is missing is reported before the index is touched.
    if (auto inputs = collect_files(options.inputs); !inputs)
        return report(inputs.error(), *db_path);
    WriterOptions writer;
    writer.db = *db_path;
    writer.wait = options.wait;
    const Logger log(Verbosity::Normal, std::cerr);
    auto session = open_writer_session(writer, "index", log);
    if (!session) return report(session.error(), *db_path);

    IndexRequest request;
    request.db_path = *db_path;
    request.inputs = options.inputs;
    request.force = options.force;
    request.memory_bytes = index_memory_budget();  // a first generation is a build
    const auto start = std::chrono::steady_clock::now();
    ProgressLine progress(STDERR_FILENO);
    auto outcome = index_paths(session->lock, request, progress_callback(progress));
    progress.clear();
    if (!outcome) return report(outcome.error(), *db_path);

    WriteReport written;
    written.command = "index";
    written.db = *db_path;
    written.index = std::move(*outcome);
    written.index_seconds = written.total_seconds = seconds_since(start);
    make_printer(options.common)->write_report(written);
    // Skipped blocks are reported but are not a failure; an unreadable file is.
    return written.index.files_failed > 0 ? kExitIndexError : kExitOk;
}

}  // namespace

Command add_index_command(CLI::App& app) {
    auto options = std::make_shared<IndexOptions>();
    auto* command =
        app.add_subcommand("index", "index digest files or directories of them (incremental)");
    command->footer(std::string(kIndexLocationHelp) + "\n" + kColorHelp + "\n\n" + kExitCodeHelp);
    define_flags_when_named(*command, [command, options] {
        add_common_options(*command, options->common);
        command->add_flag("--force", options->force, "re-index files even if they are unchanged");
        command->add_flag("--wait", options->wait, kWaitHelp);
        command->add_option("PATH", options->inputs, "digest files (*.md) or directories")
            ->required();
    });
    return {command, [options] { return run_index(*options); }};
}

}  // namespace papers::cli
