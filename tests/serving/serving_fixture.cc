#include "tests/serving/serving_fixture.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "tests/test_paths.h"

namespace papers::test {
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> sample() {
    std::vector<fs::path> days;
    const fs::path month = shared_corpus_dir() / "2024" / "01";
    if (fs::is_directory(month)) {
        for (const auto& entry : fs::directory_iterator(month))
            if (entry.path().extension() == ".md") days.push_back(entry.path());
        std::sort(days.begin(), days.end());
        return days;
    }
    return {fixtures_dir() / "digests" / "2023" / "11" / "20.md",
            fixtures_dir() / "digests" / "2024-07-02.md",
            source_dir() / "corpus" / "2024-09-25.md"};
}

// The name a day's file keeps when copied alone: a file named only by its
// day (2023/11/20.md) takes its date along (2023-11-20.md), which the
// parser needs when the digest has no dated header.
std::string dated_name(const fs::path& day) {
    const std::string name = day.filename().string();
    if (name.size() != 5) return name;  // "DD.md"
    return day.parent_path().parent_path().filename().string() + "-" +
           day.parent_path().filename().string() + "-" + name;
}

}  // namespace

unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        ::close(fd);
        return 0;
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string describe_run(const RunResult& result) {
    return "exit " + std::to_string(result.exit_code) + "\nstdout:\n" + result.out.substr(0, 4000) +
           "\nstderr:\n" + result.err.substr(0, 4000);
}

RunResult ServingTest::papers(const std::vector<std::string>& args, const Environment& env) const {
    Environment full = {{"HOME", path("home")}, {"XDG_CACHE_HOME", path("cache")}};
    for (const auto& [name, value] : env) full[name] = value;
    return run_binary(PAPERS_BINARY, args, full);
}

nlohmann::json ServingTest::papers_json(const std::vector<std::string>& args) const {
    const RunResult result = papers(args);
    EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << describe_run(result);
    try {
        return nlohmann::json::parse(result.out);
    } catch (const std::exception&) {
        ADD_FAILURE() << "not JSON: " << describe_run(result);
        return nullptr;
    }
}

size_t ServingTest::sample_days() {
    return sample().size();
}

std::string ServingTest::corpus(const std::string& name, size_t first, size_t count) const {
    const auto days = sample();
    const fs::path dir = path(name);
    fs::create_directories(dir);
    for (size_t i = first; i < std::min(days.size(), first + count); ++i)
        fs::copy_file(days[i], dir / dated_name(days[i]), fs::copy_options::overwrite_existing);
    return dir.string();
}

void ServingTest::index(const std::string& db, const std::string& corpus) const {
    const RunResult result = papers({"index", "--db", db, corpus});
    ASSERT_EQ(result.exit_code, 0) << describe_run(result);
}

Server ServingTest::serve(const std::string& db, bool replication) const {
    for (int attempt = 0; attempt < 5; ++attempt) {  // a port taken meanwhile: another
        Server server;
        server.port = free_port();
        // Not --verbose: a line per connection would fill the pipe nobody reads.
        std::vector<std::string> argv = {
            PAPERS_BINARY, "serve",    "--db", db, "--port", std::to_string(server.port),
            "--interface", "127.0.0.1"};
        if (replication) argv.push_back("--replication");
        auto child = ChildProcess::spawn(argv);
        if (!child) {
            ADD_FAILURE() << child.error().message;
            return server;
        }
        server.process = std::make_unique<ChildProcess>(std::move(*child));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        const std::string ready = replication ? " replicating " : " serving ";
        while (std::chrono::steady_clock::now() < deadline) {
            const auto status =
                server.process->pump(std::chrono::milliseconds(100),
                                     [&](const std::string& line) { server.log += line + "\n"; });
            if (server.log.find(ready) != std::string::npos) return server;
            if (status) break;
        }
    }
    ADD_FAILURE() << "papers serve did not start";
    return {};
}

}  // namespace papers::test
