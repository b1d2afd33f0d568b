#include "tools/service_cli.h"

#include <signal.h>

namespace papers::cli {
namespace {

volatile sig_atomic_t stop_requested = 0;

void on_stop(int) {
    stop_requested = 1;
}

}  // namespace

void add_service_flags(CLI::App& command, ServiceFlags& flags, const std::string& what_verbose) {
    auto* quiet = command.add_flag("--quiet", flags.quiet, "log warnings and errors only");
    command.add_flag("--verbose", flags.verbose, what_verbose)->excludes(quiet);
}

Verbosity verbosity_of(const ServiceFlags& flags) {
    if (flags.quiet) return Verbosity::Quiet;
    return flags.verbose ? Verbosity::Verbose : Verbosity::Normal;
}

StopSignals::StopSignals() {
    struct sigaction action {};
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    for (const int signal : {SIGTERM, SIGINT, SIGHUP}) sigaction(signal, &action, nullptr);
}

bool StopSignals::requested() const {
    return stop_requested != 0;
}

}  // namespace papers::cli
