#include "tools/writer_session.h"

#include <unistd.h>

#include <cstdio>

#include "analyzers/utf8.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/terminal.h"

namespace papers::cli {

void add_writer_options(CLI::App& command, WriterOptions& options) {
    command.add_option("--db", options.db,
                       "index directory (default: $PAPERS_DB, else "
                       "$XDG_DATA_HOME/papers/index, else ~/.local/share/papers/index)");
    command.add_flag("--wait", options.wait,
                     "if another papers update, rebuild or index is running, wait for it "
                     "(default: exit at once with status 6)");
    command.add_flag("--force", options.force,
                     "replace the index even if the new one has fewer than half of its papers "
                     "(without it, such a run changes nothing and exits with status 4)");
}

Result<WriterSession> open_writer_session(const WriterOptions& options, const std::string& who,
                                          const Logger& log) {
    auto db_path = resolve_writable_db_path(options.db);
    if (!db_path) return db_path.error();
    auto lock = WriterLock::acquire(*db_path, who, false);
    if (!lock && lock.error().kind == ErrorKind::Busy && options.wait) {
        log.info(lock.error().message.substr(0, lock.error().message.find(';')) +
                 "; waiting for it");
        lock = WriterLock::acquire(*db_path, who, true);
    }
    if (!lock) return lock.error();
    log.debug("holding the writer lock of " + *db_path);
    auto recovered = recover(*lock);
    if (!recovered) return recovered.error();
    if (recovered->broken_stub)
        log.warning(*db_path +
                    "/XAPIANDB names no usable database; papers rebuild makes a new one");
    if (recovered->finished_conversion)
        log.warning("finished converting " + *db_path + " to the stub layout");
    for (const auto& path : recovered->removed)
        log.warning("removed " + path + ", left by an interrupted run");
    return WriterSession{*db_path, std::move(*lock)};
}

int fail(const Logger& log, const Error& error) {
    log.error(error.message);
    return exit_code_for(error.kind);
}

std::string bytes_text(uint64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return buf;
}

std::string seconds_text(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", seconds);
    return buf;
}

Result<RebuildReport> rebuild_with_progress(const WriterSession& session, const std::string& corpus,
                                            bool quiet, bool force) {
    ProgressLine progress(quiet ? -1 : STDERR_FILENO);
    auto report = rebuild_index(
        session.lock, {corpus},
        [&](const std::string& file, size_t done, size_t total) {
            progress.show("[" + std::to_string(done) + "/" + std::to_string(total) + "]",
                          printable(file));
        },
        force);
    progress.clear();
    return report;
}

}  // namespace papers::cli
