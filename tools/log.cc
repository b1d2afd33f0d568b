#include "tools/log.h"

#include <ctime>

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

std::string timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
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
    out_ << timestamp() << ' ' << level_name(level) << ' ' << printable(message) << '\n'
         << std::flush;
}

FetchLog Logger::sink() const {
    return [this](LogLevel level, const std::string& message) { log(level, message); };
}

}  // namespace papers::cli
