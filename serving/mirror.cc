#include "serving/mirror.h"

#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/index_layout.h"
#include "analyzers/schema.h"
#include "analyzers/vote_table.h"
#include "query/index_source.h"
#include "serving/child_process.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

// "Update complete: 1 copies, 2 changesets, new live database"
void parse_summary(const std::string& line, MirrorReport& report) {
    const std::string prefix = "Update complete: ";
    if (line.rfind(prefix, 0) != 0) return;
    std::istringstream in(line.substr(prefix.size()));
    std::string copies, changesets;
    in >> report.full_copies >> copies >> report.changesets >> changesets;
    report.changed = line.find("new live database") != std::string::npos;
}

// The vote table file, from the entry the replicated index holds.
void restore_vote_table(const std::string& dir, const std::string& live) {
    try {
        const Xapian::Database db(dir);
        const std::string live_dir = (fs::path(dir) / live).string();
        const auto table = VoteTable::read(db, live_dir);
        if (table && table->mapped()) return;  // already there for this revision
        VoteTable::save_file(live_dir, db, db.get_metadata(std::string(schema::kMetaVoteTable)));
    } catch (const Xapian::Error&) {
        // Searches read the entry instead: slower at a million papers, as right.
    }
}

void sync_directory(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

bool is_mirror(const std::string& dir) {
    std::ifstream stub(fs::path(dir) / "XAPIANDB");
    std::string line;
    while (std::getline(stub, line))  // Xapian's banner, then "auto replica_N"
        if (line.rfind("auto replica_", 0) == 0) return true;
    return false;
}

Result<MirrorReport> mirror_once(const MirrorRequest& request,
                                 const std::function<void(const std::string&)>& on_output) {
    MirrorReport report;
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    const bool exists = fs::exists(request.dir, ec);
    if (exists && !is_mirror(request.dir) && !fs::is_empty(request.dir, ec))
        return Error{ErrorKind::BadInput,
                     request.dir +
                         " is not a mirror (papers mirror keeps its copy in a directory "
                         "of its own: name a new one)"};
    report.first_copy = !exists || !is_mirror(request.dir);
    // The first copy is made aside: a copy killed halfway is started again.
    const std::string target =
        report.first_copy ? request.dir + std::string(kFirstCopySuffix) : request.dir;
    if (report.first_copy) fs::remove_all(target, ec);

    auto child = ChildProcess::spawn({request.replicate_program, "--host", request.host, "--port",
                                      std::to_string(request.port), "--master", kMirrorMasterName,
                                      "--one-shot", "--verbose", "--timeout",
                                      std::to_string(request.timeout_seconds), "--reader-time",
                                      std::to_string(request.reader_seconds), target});
    if (!child) return child.error();
    std::string last_error;
    std::optional<int> status;
    while (!status) {
        status = child->pump(std::chrono::milliseconds(200), [&](const std::string& line) {
            parse_summary(line, report);
            if (line.rfind("Connecting to", 0) != 0 && line.rfind("Getting update", 0) != 0 &&
                line.rfind("Update complete", 0) != 0)
                last_error = line;
            on_output(line);
        });
    }
    const std::string master = "tcp://" + request.host + ":" + std::to_string(request.port);
    if (*status != 0)
        return Error{ErrorKind::IndexError, "mirror from " + master + " failed" +
                                                (last_error.empty() ? "" : ": " + last_error)};
    if (report.full_copies > 0 && !report.changed)
        return Error{ErrorKind::IndexError, "mirror from " + master +
                                                ": the master changed during the whole copy; "
                                                "the next sync copies it again"};
    report.live = live_generation(target).value_or("");
    restore_vote_table(target, report.live);
    if (report.first_copy) {
        if (exists) fs::remove(request.dir, ec);  // empty
        if (::rename(target.c_str(), request.dir.c_str()) != 0)
            return Error{ErrorKind::IndexError, "cannot publish the mirror at " + request.dir};
        sync_directory(fs::absolute(request.dir).parent_path().string());
    }
    report.bytes = directory_bytes((fs::path(request.dir) / report.live).string());
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace papers
