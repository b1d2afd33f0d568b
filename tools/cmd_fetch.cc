// papers fetch [--corpus DIR] [--from DATE] [--to DATE] [--base-url URL]
//              [--parallel N] [--attempts N] [--timeout S] [--quiet] [--verbose] [--json]
// Downloads daily digests into the local corpus (indexer/fetcher.h says how).
// Log lines go to stderr; stdout gets the one-line summary, or with --json
// the write commands' report (printer.h; a day's outcome is "fetched",
// "unchanged", "missing" or "failed"). Exit 0, or 5 when some days failed
// (the others were still fetched).
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "analyzers/utf8.h"
#include "indexer/corpus_days.h"
#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/fetch_cli.h"

namespace papers::cli {
namespace {

struct FetchOptions {
    FetchFlags flags;
    bool json = false;
};

std::string check_day(const std::string& text) {
    return parse_day(text) ? "" : "expected a date YYYY-MM-DD, got \"" + text + "\"";
}

std::string check_url(const std::string& url) {
    return is_supported_fetch_url(url) ? "" : "only http://, https:// and file:// URLs are fetched";
}

// "[#########-----------]"
std::string bar(size_t done, size_t total) {
    constexpr size_t kWidth = 20;
    const size_t filled = total ? done * kWidth / total : kWidth;
    return "[" + std::string(filled, '#') + std::string(kWidth - filled, '-') + "]";
}

int run_fetch(const FetchOptions& options) {
    const auto request = make_fetch_request(options.flags);
    if (!request) return report(request.error(), "");
    const Logger logger(verbosity_of(options.flags), std::cerr);
    const auto outcome = fetch_with_progress(*request, logger, options.flags.quiet);
    if (!outcome) return report(outcome.error(), "");

    WriteReport written;
    written.command = "fetch";
    written.corpus = request->corpus_dir;
    written.fetch = *outcome;
    written.fetch_seconds = written.total_seconds = outcome->seconds;
    if (options.json || !options.flags.quiet) {
        make_printer(options.json ? json_output() : CommonOptions{})->write_report(written);
    }
    return outcome->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_fetch_flags(CLI::App& command, FetchFlags& flags) {
    command.add_option("--corpus", flags.corpus,
                       "corpus directory (default: $XDG_DATA_HOME/papers/corpus, else "
                       "~/.local/share/papers/corpus)");
    command
        .add_option("--from", flags.from,
                    "first day, YYYY-MM-DD (default: the day after the newest day in the "
                    "corpus, or the earliest day the last run failed; " +
                        std::string(kDefaultFirstDay) + " for an empty corpus)")
        ->check(check_day);
    command.add_option("--to", flags.to, "last day, YYYY-MM-DD (default: today, UTC)")
        ->check(check_day);
    command.add_option("--base-url", flags.base_url, "where paper_logs/YYYY/MM/DD.md are")
        ->check(check_url)
        ->capture_default_str();
    command.add_option("--parallel", flags.parallel, "transfers at once")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    command.add_option("--attempts", flags.attempts, "tries per day for transient failures")
        ->check(CLI::Range(1, 20))
        ->capture_default_str();
    command.add_option("--timeout", flags.timeout_seconds, "seconds per attempt")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    auto* quiet = command.add_flag("--quiet", flags.quiet, "log warnings and errors only");
    command.add_flag("--verbose", flags.verbose, "log every request")->excludes(quiet);
}

Verbosity verbosity_of(const FetchFlags& flags) {
    if (flags.quiet) return Verbosity::Quiet;
    return flags.verbose ? Verbosity::Verbose : Verbosity::Normal;
}

Result<FetchRequest> make_fetch_request(const FetchFlags& flags) {
    const auto corpus = resolve_corpus_dir(flags.corpus);
    if (!corpus) return corpus.error();
    FetchRequest request;
    request.corpus_dir = *corpus;
    request.from = flags.from;
    request.to = flags.to;
    request.base_url = flags.base_url;
    request.parallel = flags.parallel;
    request.max_attempts = flags.attempts;
    request.total_timeout_ms = static_cast<long>(flags.timeout_seconds * 1000);
    return request;
}

Result<FetchReport> fetch_with_progress(const FetchRequest& request, const Logger& logger,
                                        bool quiet) {
    ProgressLine progress(quiet ? -1 : STDERR_FILENO);
    // A log line first erases the progress line; the next day redraws it.
    const FetchLog log = [&](LogLevel level, const std::string& message) {
        if (logger.enabled(level)) progress.clear();
        logger.log(level, message);
    };
    auto outcome = fetch_digests(
        request,
        [&](size_t done, size_t total, const DayResult& day) {
            progress.show(
                bar(done, total) + " " + std::to_string(done) + "/" + std::to_string(total),
                day.date + " " + outcome_name(day.outcome));
        },
        log);
    progress.clear();
    return outcome;
}

std::string fetch_summary(const FetchReport& report) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", report.seconds);
    return "fetched " + std::to_string(report.fetched) + ", unchanged " +
           std::to_string(report.unchanged) + ", missing " + std::to_string(report.missing) +
           ", failed " + std::to_string(report.failed) + "; " + human_bytes(report.bytes) + " in " +
           seconds;
}

Command add_fetch_command(CLI::App& app) {
    auto options = std::make_shared<FetchOptions>();
    auto* command = app.add_subcommand(
        "fetch", "download new daily digests into the local corpus (paper_logs/YYYY/MM/DD.md)");
    command->footer(std::string(kCorpusLocationHelp) + "\n\n" + kExitCodeHelp);
    define_flags_when_named(*command, [command, options] {
        add_fetch_flags(*command, options->flags);
        command->add_flag("--json", options->json, "print one JSON object instead of the summary");
    });
    return {command, [options] { return run_fetch(*options); }};
}

}  // namespace papers::cli
