// papers rebuild [--db DIR] [--corpus DIR] [--wait] [--force] [--quiet|--verbose] [--json]
// A fresh index of the whole corpus in a new generation, compacted, swapped
// in atomically; searches go on meanwhile and see the old index until the swap.
// A corpus with no digest, or a new index with fewer than half of the live
// one's papers (without --force), changes nothing and exits 4.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "analyzers/utf8.h"
#include "indexer/rebuild.h"
#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/terminal.h"
#include "tools/writer_session.h"

namespace papers::cli {
namespace {

struct RebuildOptions {
    WriterOptions writer;
    std::string corpus;  // --corpus; empty: the XDG default
    bool quiet = false;
    bool verbose = false;
    bool json = false;
};

std::string rebuild_summary(const RebuildReport& report, double seconds) {
    const IndexReport& index = report.index;
    return "rebuilt " + report.generation + ": " + std::to_string(index.papers_total) +
           " papers from " + std::to_string(index.files_indexed) + " files (" +
           std::to_string(index.files_failed) + " unreadable, " +
           std::to_string(index.issues.size()) + " blocks skipped); " +
           human_bytes(report.built_bytes) + " compacted to " + human_bytes(report.bytes) + " in " +
           seconds_text(seconds);
}

int run_rebuild(const RebuildOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const Logger log(options.quiet     ? Verbosity::Quiet
                     : options.verbose ? Verbosity::Verbose
                                       : Verbosity::Normal,
                     std::cerr);
    auto corpus = resolve_corpus_dir(options.corpus);
    if (!corpus) return fail(log, corpus.error());
    std::error_code ec;
    if (!std::filesystem::is_directory(*corpus, ec))
        return fail(log, Error{ErrorKind::BadInput,
                               *corpus + ": no corpus there (papers fetch or update makes one)"});
    auto session = open_writer_session(options.writer, "rebuild", log);
    if (!session) return fail(log, session.error());

    log.info("rebuilding " + session->db_path + " from " + *corpus);
    auto report = rebuild_with_progress(*session, *corpus, options.quiet, options.writer.force);
    if (!report) return fail(log, report.error());
    for (const auto& issue : report->index.issues)
        log.debug(issue.file + ":" + std::to_string(issue.line) + ": " + issue.message);
    const double took = seconds_since(start);
    log.info(rebuild_summary(*report, took));
    WriteReport written;
    written.command = "rebuild";
    written.db = session->db_path;
    written.corpus = *corpus;
    written.generation = report->generation;
    written.index = report->index;
    written.index_seconds = written.total_seconds = took;
    if (options.json) make_printer(json_output())->write_report(written);
    return report->index.files_failed > 0 ? kExitIndexError : kExitOk;
}

}  // namespace

Command add_rebuild_command(CLI::App& app) {
    auto options = std::make_shared<RebuildOptions>();
    auto* command = app.add_subcommand(
        "rebuild", "build a fresh, compact index of the whole corpus and swap it in atomically");
    command->footer(std::string(kIndexLocationHelp) + "\n" + kCorpusLocationHelp + "\n\n" +
                    kExitCodeHelp);
    define_flags_when_named(*command, [command, options] {
        add_writer_options(*command, options->writer);
        command->add_option("--corpus", options->corpus,
                            "the digests (default: $XDG_DATA_HOME/papers/corpus, else "
                            "~/.local/share/papers/corpus)");
        auto* quiet = command->add_flag("--quiet", options->quiet, "log warnings and errors only");
        command->add_flag("--verbose", options->verbose, "log every step")->excludes(quiet);
        command->add_flag("--json", options->json,
                          "print one JSON object (the report of index, fetch and update)");
    });
    return {command, [options] { return run_rebuild(*options); }};
}

}  // namespace papers::cli
