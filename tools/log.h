// Logs for unattended runs (update, rebuild, fetch): one line per event on
// stderr, "2026-11-24T03:12:45Z info  message", so cron mail and the systemd
// journal read well. --quiet keeps warnings and errors, --verbose adds debug.
#pragma once

#include <ostream>
#include <string>

#include "indexer/fetcher.h"  // LogLevel, FetchLog

namespace papers::cli {

enum class Verbosity { Quiet, Normal, Verbose };

class Logger {
  public:
    explicit Logger(Verbosity verbosity, std::ostream& out);

    void log(LogLevel level, const std::string& message) const;
    void debug(const std::string& message) const { log(LogLevel::Debug, message); }
    void info(const std::string& message) const { log(LogLevel::Info, message); }
    void warning(const std::string& message) const { log(LogLevel::Warning, message); }
    void error(const std::string& message) const { log(LogLevel::Error, message); }

    bool enabled(LogLevel level) const;
    // For library calls that take a log callback (fetch_digests).
    FetchLog sink() const;

  private:
    Verbosity verbosity_;
    std::ostream& out_;
};

}  // namespace papers::cli
