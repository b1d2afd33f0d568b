// What the long-running commands (serve, mirror) share: --quiet/--verbose,
// and a clean stop on SIGTERM (systemd), SIGINT (Ctrl-C) or SIGHUP.
#pragma once

#include <CLI/CLI.hpp>

#include "tools/log.h"

namespace papers::cli {

struct ServiceFlags {
    bool quiet = false;
    bool verbose = false;
};

// Adds --quiet and --verbose (`what_verbose` says what --verbose adds).
void add_service_flags(CLI::App& command, ServiceFlags& flags, const std::string& what_verbose);
Verbosity verbosity_of(const ServiceFlags& flags);

// From construction on, SIGTERM, SIGINT and SIGHUP ask the command to stop
// (requested()) instead of killing it.
class StopSignals {
  public:
    StopSignals();
    bool requested() const;
};

}  // namespace papers::cli
