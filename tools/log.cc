#include "tools/log.h"

#include "analyzers/utc_time.h"
#include "analyzers/utf8.h"

namespace papers::cli {
namespace {

const char* level_name(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info ";
        case LogLevel::Warning:
            return "warn ";
        case LogLevel::Error:
            return "error";
    }
    return "?    ";
}

}  // namespace

Logger::Logger(Verbosity verbosity, std::ostream& out) : verbosity_(verbosity), out_(out) {}

bool Logger::enabled(LogLevel level) const {
    switch (verbosity_) {
        case Verbosity::Quiet:
            return level == LogLevel::Warning || level == LogLevel::Error;
        case Verbosity::Normal:
            return level != LogLevel::Debug;
        case Verbosity::Verbose:
            return true;
    }
    return true;
}

void Logger::log(LogLevel level, const std::string& message) const {
    if (!enabled(level)) return;
    // Messages quote paths and upstream text: printable() keeps them one line.
    out_ << utc_now_iso8601() << ' ' << level_name(level) << ' ' << printable(message) << '\n'
         << std::flush;
}

FetchLog Logger::sink() const {
    return [this](LogLevel level, const std::string& message) { log(level, message); };
}

}  // namespace papers::cli
