#include "query/index_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/index_layout.h"
#include "query/lexicon_sidecar.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTcpScheme = "tcp://";

ino_t inode_of(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

// Where a local part's files are: its live generation, or the directory.
std::string live_directory(const std::string& path) {
    return live_database(path).value_or(path);
}

// "HOST:PORT" or "[V6]:PORT" into `part`; false when malformed.
bool parse_host_port(std::string_view text, IndexPart& part) {
    size_t colon;
    if (!text.empty() && text.front() == '[') {
        const size_t close = text.find(']');
        if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return false;
        part.host = std::string(text.substr(1, close - 1));
        colon = close + 1;
    } else {
        colon = text.rfind(':');
        if (colon == std::string_view::npos) return false;
        part.host = std::string(text.substr(0, colon));
    }
    const std::string port(text.substr(colon + 1));
    if (part.host.empty() || port.empty() || port.size() > 5 ||
        port.find_first_not_of("0123456789") != std::string::npos)
        return false;
    part.port = static_cast<unsigned>(std::stoul(port));
    return part.port > 0 && part.port < 65536;
}

Error bad_address(const std::string& spec) {
    return Error{ErrorKind::BadInput,
                 "not an index address: " + spec + " (tcp://HOST:PORT, as papers serve prints it)"};
}

// The databases a stub file lists: "auto PATH" (or glass/chert: a local
// database, relative to the stub) and "remote HOST:PORT"; '#' starts a comment.
Result<std::vector<IndexPart>> parse_stub_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Error{ErrorKind::IndexError, "cannot read the stub file " + path};
    std::vector<IndexPart> parts;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        std::istringstream words(line);
        std::string backend, target;
        if (!(words >> backend) || backend[0] == '#') continue;
        words >> target;
        const std::string where = path + ":" + std::to_string(number) + ": ";
        IndexPart part;
        if (backend == "remote") {
            if (!target.empty() && target[0] == ':')
                return Error{ErrorKind::BadInput,
                             where +
                                 "a program remote (remote :PROG) is not supported; serve "
                                 "the index with papers serve and list remote HOST:PORT"};
            if (!parse_host_port(target, part))
                return Error{ErrorKind::BadInput, where + "expected remote HOST:PORT"};
        } else if (backend == "auto" || backend == "glass" || backend == "chert") {
            if (target.empty()) return Error{ErrorKind::BadInput, where + "no database named"};
            part.path = fs::path(target).is_absolute()
                            ? target
                            : (fs::path(path).parent_path() / target).string();
        } else {
            return Error{ErrorKind::IndexError,
                         path + " is not a directory, nor a stub file listing databases (line " +
                             std::to_string(number) + ": auto PATH or remote HOST:PORT expected)"};
        }
        parts.push_back(std::move(part));
    }
    if (parts.empty()) return Error{ErrorKind::IndexError, path + " lists no database"};
    return parts;
}

Result<std::vector<IndexPart>> parse_spec(const std::string& spec) {
    if (spec.compare(0, kTcpScheme.size(), kTcpScheme) == 0) {
        IndexPart part;
        if (!parse_host_port(std::string_view(spec).substr(kTcpScheme.size()), part))
            return bad_address(spec);
        return std::vector<IndexPart>{part};
    }
    std::error_code ec;
    if (fs::is_regular_file(spec, ec)) return parse_stub_file(spec);
    if (auto missing = check_index_path(spec)) return *missing;
    IndexPart part;
    part.path = spec;
    return std::vector<IndexPart>{part};
}

unsigned env_seconds_ms(const char* name, unsigned fallback) {
    const char* value = std::getenv(name);
    if (!value || !*value) return fallback;
    char* end = nullptr;
    const double seconds = std::strtod(value, &end);
    if (*end != '\0' || !(seconds > 0) || seconds > 3600) return fallback;
    return static_cast<unsigned>(seconds * 1000);
}

}  // namespace

std::string IndexPart::address() const {
    if (!remote()) return path;
    const bool v6 = host.find(':') != std::string::npos;
    return std::string(kTcpScheme) + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

RemoteTimeouts remote_timeouts() {
    RemoteTimeouts timeouts;
    const unsigned cap = env_seconds_ms("PAPERS_REMOTE_TIMEOUT", timeouts.operation_ms);
    timeouts.operation_ms = cap;
    timeouts.connect_ms = std::min(timeouts.connect_ms, cap);
    return timeouts;
}

Result<IndexSource> IndexSource::parse(const std::vector<std::string>& specs) {
    IndexSource source;
    source.specs_ = specs;
    for (const auto& spec : specs) {
        auto parts = parse_spec(spec);
        if (!parts) return parts.error();
        source.parts_.insert(source.parts_.end(), parts->begin(), parts->end());
    }
    if (source.parts_.empty()) return Error{ErrorKind::BadInput, "no index named"};
    return source;
}

std::string IndexSource::description() const {
    std::string text;
    for (const auto& spec : specs_) text += (text.empty() ? "" : ", ") + spec;
    return text;
}

bool IndexSource::has_remote() const {
    return std::any_of(parts_.begin(), parts_.end(),
                       [](const auto& part) { return part.remote(); });
}

Xapian::Database IndexSource::open() const {
    if (single_local()) return Xapian::Database(parts_.front().path);
    const RemoteTimeouts timeouts = remote_timeouts();
    Xapian::Database all;
    for (const auto& part : parts_) {
        if (!part.remote()) {
            all.add_database(Xapian::Database(part.path));
            continue;
        }
        const Xapian::Database remote =
            Xapian::Remote::open(part.host, part.port, timeouts.operation_ms, timeouts.connect_ms);
        all.add_database(remote);
        if (auto lexicon = open_lexicon_sidecar(remote)) all.add_database(*lexicon);
    }
    return all;
}

std::vector<ino_t> IndexSource::stub_inodes() const {
    std::vector<ino_t> inodes;
    for (const auto& part : parts_)
        if (!part.remote()) inodes.push_back(inode_of(stub_path(part.path)));
    return inodes;
}

std::string IndexSource::vote_table_directory() const {
    if (!single_local()) return "";
    return live_directory(parts_.front().path);
}

uint64_t IndexSource::local_bytes() const {
    uint64_t total = 0;
    for (const auto& part : parts_)
        if (!part.remote()) total += directory_bytes(live_directory(part.path));
    return total;
}

std::optional<IndexPart> parse_remote_address(std::string_view text) {
    if (text.compare(0, kTcpScheme.size(), kTcpScheme) == 0) text.remove_prefix(kTcpScheme.size());
    IndexPart part;
    if (!parse_host_port(text, part)) return std::nullopt;
    return part;
}

Error reach_error(const IndexSource& source, const Xapian::Error& e) {
    std::string where = e.get_context();  // "remote:tcp(host:port)" for a remote part
    const size_t open = where.find("tcp(");
    if (open != std::string::npos && where.back() == ')')
        where = std::string(kTcpScheme) + where.substr(open + 4, where.size() - open - 5);
    else
        where = source.description();
    std::string reason = e.get_msg();
    if (const char* detail = e.get_error_string(); detail && *detail)
        reason += ": " + std::string(detail);
    return Error{ErrorKind::IndexError,
                 "cannot reach the index server at " + where + ": " + reason};
}

}  // namespace papers
