#include "tools/exit_codes.h"

#include <filesystem>
#include <iostream>

#include "analyzers/index_layout.h"
#include "analyzers/utf8.h"

namespace papers::cli {

ExitCode exit_code_for(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::NotFound:
            return kExitNothingFound;
        case ErrorKind::BadQuery:
            return kExitUsage;
        case ErrorKind::NoIndex:
            return kExitNoIndex;
        case ErrorKind::BadInput:
        case ErrorKind::IndexError:
            return kExitIndexError;
        case ErrorKind::Busy:
            return kExitBusy;
    }
    return kExitIndexError;
}

ExitCode report(const Error& error, const std::string& db_path) {
    // Messages can quote the query or a path, so they go through printable().
    std::cerr << "papers: " << printable(error.message) << "\n";
    const std::string first_copy = db_path + std::string(kFirstCopySuffix);
    std::error_code ignored;
    if (error.kind == ErrorKind::NoIndex && std::filesystem::exists(first_copy, ignored)) {
        // A mirror is receiving its first copy: building one here is not the fix.
        std::cerr << "a mirror is receiving its first copy into " << printable(first_copy)
                  << "; search once `papers mirror` has finished it\n";
    } else if (error.kind == ErrorKind::NoIndex) {
        std::cerr << "build one with: papers index --db " << printable(db_path) << " PATH...\n"
                  << "(PATH: digest files or directories of them, e.g. corpus/)\n"
                  << "or fetch the archive and index it: papers update --db " << printable(db_path)
                  << "\n";
    }
    return exit_code_for(error.kind);
}

ExitCode report_nothing_found(const std::string& message) {
    std::cerr << "papers: " << printable(message) << "\n";
    return kExitNothingFound;
}

}  // namespace papers::cli
