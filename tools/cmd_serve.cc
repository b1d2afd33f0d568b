// papers serve [--db DIR] --port N [--interface ADDR] [--replication]
//              [--idle-timeout S] [--active-timeout S] [--quiet|--verbose]
// Serves the index read-only with Xapian's own servers, run as a child:
// xapian-tcpsrv (remote search: papers search --db tcp://HOST:PORT) or, with
// --replication, xapian-replicate-server (papers mirror --from HOST:PORT).
//
// Following the index needs nothing more: both open DIR afresh for each
// connection (xapian-tcpsrv forks one process per connection), and DIR's
// stub names the live generation, so a connection sees the last commit or
// generation published before it began, whole (indexer/index_store.h), and
// a client that meets a newer one reopens (query/searcher.h). The log says
// when a rebuild published a new generation.
//
// Exit 0 when stopped (SIGTERM, SIGINT); 3 no index at DIR; 4 the server
// program is missing or exited (a port in use, say).
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <iostream>

#include "analyzers/index_layout.h"
#include "indexer/changesets.h"
#include "indexer/index_store.h"
#include "serving/child_process.h"
#include "tools/commands.h"
#include "tools/db_path.h"
#include "tools/exit_codes.h"
#include "tools/service_cli.h"

namespace papers::cli {
namespace {

struct ServeOptions {
    std::string db;
    unsigned port = 0;
    std::string interface;
    bool replication = false;
    double idle_timeout = 60;  // xapian-tcpsrv's defaults
    double active_timeout = 15;
    ServiceFlags service;
};

// Whether something accepts connections at host:port.
bool accepts(const std::string& host, unsigned port) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0)
        return false;
    bool ok = false;
    for (addrinfo* at = found; at && !ok; at = at->ai_next) {
        const int fd = ::socket(at->ai_family, at->ai_socktype | SOCK_CLOEXEC, at->ai_protocol);
        if (fd < 0) continue;
        ok = ::connect(fd, at->ai_addr, at->ai_addrlen) == 0;
        ::close(fd);
    }
    ::freeaddrinfo(found);
    return ok;
}

// xapian-tcpsrv's lines in our log: its start and connections are debug,
// failures warnings.
void log_server_line(const Logger& log, const std::string& line) {
    if (line.rfind("Connection from", 0) == 0 || line == "Connection closed." ||
        line.rfind("Starting server", 0) == 0 || line == "Listening...")
        log.debug(line);
    else if (line.find("xception") != std::string::npos || line.find("rror") != std::string::npos ||
             line.find("in use") != std::string::npos ||
             line.find("timed out") != std::string::npos)
        log.warning(line);
    else
        log.info(line);
}

std::vector<std::string> server_command(const ServeOptions& options, const std::string& program,
                                        const std::string& db) {
    std::vector<std::string> argv = {program, "--port", std::to_string(options.port)};
    if (!options.interface.empty()) argv.insert(argv.end(), {"--interface", options.interface});
    if (!options.replication) {
        const auto ms = [](double seconds) {
            return std::to_string(static_cast<long>(seconds * 1000));
        };
        argv.insert(argv.end(), {"--idle-timeout", ms(options.idle_timeout), "--active-timeout",
                                 ms(options.active_timeout)});
    }
    argv.push_back(db);
    return argv;
}

int run_serve(const ServeOptions& options) {
    const Logger log(verbosity_of(options.service), std::cerr);
    const StopSignals stop;
    auto db = resolve_writable_db_path(options.db);
    if (!db) return report(db.error(), "");
    if (auto missing = check_index_path(*db)) return report(*missing, *db);
    const char* name = options.replication ? "xapian-replicate-server" : "xapian-tcpsrv";
    const auto program = find_program(name);
    if (!program) {
        log.error(std::string(name) + " is not installed (Debian: apt-get install xapian-tools)");
        return kExitIndexError;
    }
    // From now on the writer keeps changesets for mirrors (indexer/changesets.h).
    if (options.replication && !mark_mirrored(*db))
        log.warning("cannot mark " + *db +
                    " as mirrored: updates will keep no changesets, and "
                    "mirrors will be sent whole copies");
    auto child = ChildProcess::spawn(server_command(options, *program, *db));
    if (!child) return report(child.error(), *db);

    const std::string host = options.interface.empty() ? "127.0.0.1" : options.interface;
    const std::string address = (options.interface.empty() ? "0.0.0.0" : options.interface) + ":" +
                                std::to_string(options.port);
    bool listening = false, announced = false;
    std::string generation = live_generation(*db).value_or("");
    while (!stop.requested()) {
        const auto status =
            child->pump(std::chrono::milliseconds(250), [&](const std::string& line) {
                log_server_line(log, line);
                listening = listening || line == "Listening...";
            });
        if (status) {
            log.error(std::string(name) + " exited with status " + std::to_string(*status));
            return kExitIndexError;
        }
        // xapian-replicate-server says nothing when it listens: try it (a
        // connection that sends nothing is dropped quietly; xapian-tcpsrv
        // would log a broken pipe, so it is taken at its word instead).
        if (!announced && (listening || (options.replication && accepts(host, options.port)))) {
            announced = true;
            log.info(options.replication
                         ? "replicating " + *db + " on " + address + " (papers mirror --from " +
                               address + " --db DIR)"
                         : "serving " + *db + (generation.empty() ? "" : " (" + generation + ")") +
                               " read-only on tcp://" + address);
        }
        const std::string now = live_generation(*db).value_or("");
        if (now != generation) {
            log.info("the index is now " + now +
                     " (a rebuild published it); new connections open it");
            generation = now;
        }
    }
    child->terminate();
    log.info("stopped serving " + *db);
    return kExitOk;
}

}  // namespace

Command add_serve_command(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    auto* command = app.add_subcommand(
        "serve", "serve the index read-only to other machines (remote search, or mirrors)");
    command->footer(std::string(kIndexLocationHelp) +
                    "\nThe remote protocol has no authentication or encryption: serve on a "
                    "trusted\nnetwork, or pass --interface 127.0.0.1 and tunnel it (ssh -L).\n\n" +
                    kExitCodeHelp);
    define_flags_when_named(*command, [command, options] {
        command->add_option("--db", options->db, kDbHelp);
        command->add_option("--port", options->port, "TCP port to listen on")
            ->required()
            ->check(CLI::Range(1, 65535));
        command->add_option("--interface", options->interface,
                            "address or host name to listen on (default: every interface)");
        command->add_flag("--replication", options->replication,
                          "serve copies for papers mirror (xapian-replicate-server) instead of "
                          "searches (xapian-tcpsrv)");
        command
            ->add_option("--idle-timeout", options->idle_timeout,
                         "close a connection idle this many seconds")
            ->check(CLI::Range(0.001, 86400.0))
            ->capture_default_str();
        command
            ->add_option("--active-timeout", options->active_timeout,
                         "close a connection whose request takes longer than this many seconds")
            ->check(CLI::Range(0.001, 86400.0))
            ->capture_default_str();
        add_service_flags(*command, options->service, "log every connection");
    });
    return {command, [options] { return run_serve(*options); }};
}

}  // namespace papers::cli
