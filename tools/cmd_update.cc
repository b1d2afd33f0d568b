// papers update [fetch's flags] [--db DIR] [--wait] [--json]
// The nightly run: fetch the new days, index what changed, commit. The commit
// publishes: readers see the whole update at once or not at all.
//
//   lock -> recover -> fetch -> index (parse changed days; one transaction)
//        -> commit (or, into an empty DIR, publish a first generation)
//
// An index written by another version of papers is rebuilt instead.
//
// Exit 0; 4 when the index could not be written, a digest could not be
// read, or the update would leave fewer than half of the index's papers (a
// wrong --corpus: nothing is changed; --force does it anyway); 5 when some days could not be
// fetched (what was fetched is indexed); 6 when another writer holds the lock (unless --wait).
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "indexer/index_writer.h"
#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/fetch_cli.h"
#include "tools/terminal.h"
#include "tools/writer_session.h"

namespace papers::cli {
namespace {

struct UpdateOptions {
    FetchFlags fetch;
    WriterOptions writer;
    bool json = false;
};

std::string index_summary(const IndexReport& report) {
    return "indexed " + std::to_string(report.files_indexed) + " changed files (" +
           std::to_string(report.files_unchanged) + " unchanged, " +
           std::to_string(report.files_failed) + " unreadable, " +
           std::to_string(report.issues.size()) +
           " blocks skipped): " + std::to_string(report.papers_indexed) + " papers written, " +
           std::to_string(report.papers_total) + " in the index";
}

// Indexes the corpus into the live index: unchanged files are skipped by
// size, time and hash, so this parses only the new and changed days.
Result<IndexReport> index_corpus(const WriterSession& session, const std::string& corpus,
                                 bool quiet, bool force) {
    std::error_code ec;
    std::filesystem::create_directories(corpus, ec);  // a first run that fetched nothing
    IndexRequest request;
    request.db_path = session.db_path;
    request.inputs = {corpus};
    request.keep_most_papers = !force;
    request.memory_bytes = index_memory_budget();  // a first generation is a build
    ProgressLine progress(quiet ? -1 : STDERR_FILENO);
    auto report = index_paths(session.lock, request, progress_callback(progress));
    progress.clear();
    return report;
}

int exit_status(const FetchReport& fetched, const IndexReport& indexed) {
    if (indexed.files_failed > 0) return kExitIndexError;
    return fetched.failed > 0 ? kExitSomeFailed : kExitOk;
}

int run_update(const UpdateOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const Logger log(verbosity_of(options.fetch), std::cerr);
    const auto request = make_fetch_request(options.fetch);
    if (!request) return fail(log, request.error());
    auto session = open_writer_session(options.writer, "update", log);
    if (!session) return fail(log, session.error());

    log.info("updating " + session->db_path + " from " + request->base_url);
    const auto fetched = fetch_with_progress(*request, log, options.fetch.quiet);
    if (!fetched) return fail(log, fetched.error());
    log.info(fetch_summary(*fetched));

    // An index of another papers version is rebuilt, not updated: a new
    // version may index differently (schema.h), and a nightly run must not
    // stop until someone runs papers rebuild.
    const auto index_start = std::chrono::steady_clock::now();
    std::string generation;
    const auto indexed = [&]() -> Result<IndexReport> {
        const std::string old = outdated_schema(session->db_path);
        const bool force = options.writer.force;
        if (old.empty())
            return index_corpus(*session, request->corpus_dir, options.fetch.quiet, force);
        log.info("the index was made by another version of papers (schema " + old +
                 "); rebuilding it from " + request->corpus_dir);
        auto rebuilt =
            rebuild_with_progress(*session, request->corpus_dir, options.fetch.quiet, force);
        if (!rebuilt) return rebuilt.error();
        generation = rebuilt->generation;
        return rebuilt->index;
    }();
    if (!indexed) return fail(log, indexed.error());
    for (const auto& issue : indexed->issues)
        log.debug(issue.file + ":" + std::to_string(issue.line) + ": " + issue.message);
    log.info(index_summary(*indexed));

    WriteReport written;
    written.command = "update";
    written.db = session->db_path;
    written.corpus = request->corpus_dir;
    written.generation = generation;
    written.index = *indexed;
    written.fetch = *fetched;
    written.fetch_seconds = fetched->seconds;
    written.index_seconds = seconds_since(index_start);
    written.total_seconds = seconds_since(start);
    log.info("update done in " + seconds_text(written.total_seconds));
    if (options.json) make_printer(json_output())->write_report(written);
    return exit_status(*fetched, *indexed);
}

}  // namespace

Command add_update_command(CLI::App& app) {
    auto options = std::make_shared<UpdateOptions>();
    auto* command = app.add_subcommand(
        "update", "fetch new digests, then index what changed (for cron or a systemd timer)");
    command->footer(std::string(kIndexLocationHelp) + "\n" + kCorpusLocationHelp + "\n\n" +
                    kExitCodeHelp);
    define_flags_when_named(*command, [command, options] {
        add_fetch_flags(*command, options->fetch);
        add_writer_options(*command, options->writer);
        command->add_flag("--json", options->json,
                          "print one JSON object (the report of index, fetch and rebuild)");
    });
    return {command, [options] { return run_update(*options); }};
}

}  // namespace papers::cli
