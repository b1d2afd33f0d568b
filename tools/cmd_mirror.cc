// papers mirror --from HOST:PORT --db DIR [--once | --interval S]
//               [--timeout S] [--reader-time S] [--quiet|--verbose]
// Keeps DIR a read-only copy of the index `papers serve --replication`
// serves at HOST:PORT, with Xapian's replication (xapian-replicate, run
// once per sync): a whole copy first, then the changesets of each commit;
// a whole copy again after a rebuild on the master. Searches on DIR never
// fail while it syncs, and a mirror killed at any moment leaves the last
// good copy (serving/mirror.h has the layout and why).
//
// Exit 0 (with --once: synced; otherwise: stopped by a signal); 2 usage; 4
// with --once when the sync failed (without, a failed sync is logged and
// tried again at the next interval, as xapian-replicate does).
#include <iostream>
#include <thread>

#include "query/index_source.h"
#include "serving/child_process.h"
#include "serving/mirror.h"
#include "tools/commands.h"
#include "tools/exit_codes.h"
#include "tools/service_cli.h"
#include "tools/terminal.h"
#include "tools/writer_session.h"

namespace papers::cli {
namespace {

struct MirrorOptions {
    std::string from;
    std::string db;
    bool once = false;
    double interval = 300;
    unsigned timeout = 60;
    unsigned reader_time = 30;
    ServiceFlags service;
};

std::string sync_summary(const MirrorReport& report) {
    std::string what = report.first_copy        ? "first copy"
                       : report.full_copies > 0 ? "whole copy (the master was rebuilt)"
                       : report.changesets > 0  ? std::to_string(report.changesets) + " changeset" +
                                                     (report.changesets == 1 ? "" : "s")
                                               : "no change";
    return what + " in " + seconds_text(report.seconds) + "; live copy " + report.live + ", " +
           human_bytes(report.bytes);
}

// Waits `seconds`, or less if a stop is asked for.
void pause(double seconds, const StopSignals& stop) {
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    while (!stop.requested() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
}

int run_mirror(const MirrorOptions& options) {
    const Logger log(verbosity_of(options.service), std::cerr);
    const StopSignals stop;
    const auto master = parse_remote_address(options.from);
    if (!master) {
        log.error("--from takes HOST:PORT (as papers serve --replication prints it), not " +
                  options.from);
        return kExitUsage;
    }
    const auto program = find_program("xapian-replicate");
    if (!program) {
        log.error("xapian-replicate is not installed (Debian: apt-get install xapian-tools)");
        return kExitIndexError;
    }
    MirrorRequest request;
    request.host = master->host;
    request.port = master->port;
    request.dir = options.db;
    request.replicate_program = *program;
    request.timeout_seconds = options.timeout;
    request.reader_seconds = options.reader_time;
    const std::string from = master->address();
    while (true) {
        const auto synced = mirror_once(request, [&](const std::string& line) { log.debug(line); });
        if (synced)  // an unchanged master is the common case of a periodic sync
            log.log(synced->changed || synced->first_copy ? LogLevel::Info : LogLevel::Debug,
                    from + " -> " + options.db + ": " + sync_summary(*synced));
        else if (options.once)
            return fail(log, synced.error());
        else
            log.warning(synced.error().message + "; trying again in " +
                        seconds_text(options.interval));
        if (options.once || stop.requested()) break;
        pause(options.interval, stop);
        if (stop.requested()) break;
    }
    return kExitOk;
}

}  // namespace

Command add_mirror_command(CLI::App& app) {
    auto options = std::make_shared<MirrorOptions>();
    auto* command = app.add_subcommand(
        "mirror", "keep a read-only local copy of an index served by papers serve --replication");
    command->footer(
        std::string("Search the copy with --db DIR. The master keeps a changeset of its last "
                    "30 commits\n(XAPIAN_MAX_CHANGESETS); a mirror further behind is sent a "
                    "whole copy.\n\n") +
        kExitCodeHelp);
    define_flags_when_named(*command, [command, options] {
        command->add_option("--from", options->from, "HOST:PORT of papers serve --replication")
            ->required();
        command->add_option("--db", options->db, "the mirror's directory (made by the first sync)")
            ->required();
        auto* once = command->add_flag("--once", options->once, "sync once and exit");
        command
            ->add_option("--interval", options->interval, "seconds between syncs (without --once)")
            ->check(CLI::Range(1.0, 86400.0 * 7))
            ->capture_default_str()
            ->excludes(once);
        command
            ->add_option("--timeout", options->timeout,
                         "seconds a read from the master may wait before the sync fails")
            ->check(CLI::Range(1, 86400))
            ->capture_default_str();
        command
            ->add_option("--reader-time", options->reader_time,
                         "seconds between two changesets applied to the live copy, for "
                         "searches to finish (Xapian's default)")
            ->check(CLI::Range(0, 3600))
            ->capture_default_str();
        add_service_flags(*command, options->service, "log xapian-replicate's own lines");
    });
    return {command, [options] { return run_mirror(*options); }};
}

}  // namespace papers::cli
