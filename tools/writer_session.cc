#include "tools/writer_session.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "analyzers/utf8.h"
#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/terminal.h"

namespace papers::cli {

void add_writer_options(CLI::App& command, WriterOptions& options) {
    command.add_option("--db", options.db, kDbHelp);
    command.add_flag("--wait", options.wait, kWaitHelp);
    command.add_flag("--force", options.force,
                     "replace the index even if the new one has fewer than half of its papers "
                     "(without it, such a run changes nothing and exits with status 4)");
}

Result<WriterSession> open_writer_session(const WriterOptions& options, const std::string& who,
                                          const Logger& log) {
    auto db_path = resolve_writable_db_path(options.db);
    if (!db_path) return db_path.error();
    auto run = start_writer_run(*db_path, who, options.wait, [&](const Error& busy) {
        log.info(busy.message.substr(0, busy.message.find(';')) + "; waiting for it");
    });
    if (!run) return run.error();
    log.debug("holding the writer lock of " + *db_path);
    const Recovery* recovered = &run->recovery;
    if (recovered->broken_stub)
        log.warning(stub_path(*db_path) +
                    " names no usable database; papers rebuild makes a new one");
    if (recovered->finished_conversion)
        log.warning("finished converting " + *db_path + " to the stub layout");
    for (const auto& path : recovered->removed)
        log.warning("removed " + path + ", left by an interrupted run");
    return WriterSession{*db_path, std::move(run->lock)};
}

size_t index_memory_budget() {
    if (const char* text = std::getenv("PAPERS_INDEX_MEMORY_MB")) {
        char* end = nullptr;
        const unsigned long long mib = std::strtoull(text, &end, 10);
        if (end != text && *end == '\0' && mib > 0) return static_cast<size_t>(mib) << 20;
    }
    return kDefaultIndexMemoryBytes;
}

int fail(const Logger& log, const Error& error) {
    log.error(error.message);
    return exit_code_for(error.kind);
}

std::string seconds_text(double seconds) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", seconds);
    return buf;
}

IndexProgress progress_callback(ProgressLine& line) {
    return [&line](const std::string& file, size_t done, size_t total) {
        line.show("[" + std::to_string(done) + "/" + std::to_string(total) + "]", printable(file));
    };
}

Result<RebuildReport> rebuild_with_progress(const WriterSession& session, const std::string& corpus,
                                            bool quiet, bool force) {
    ProgressLine progress(quiet ? -1 : STDERR_FILENO);
    auto report = rebuild_index(session.lock, {corpus}, progress_callback(progress), force,
                                index_memory_budget());
    progress.clear();
    return report;
}

}  // namespace papers::cli
