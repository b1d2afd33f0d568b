#include "tests/e2e/papers_test.h"

namespace papers::test {

RunResult PapersTest::papers(const std::vector<std::string>& args, const Environment& env,
                             Stdout stdout_kind) const {
    Environment full = {{"PAPERS_DB", db()}, {"HOME", home()}};
    for (const auto& [name, value] : env) full[name] = value;
    return run_binary(PAPERS_BINARY, args, full, stdout_kind);
}

void PapersTest::index(const std::string& path) const {
    const RunResult result = papers({"index", path});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
}

nlohmann::json parse_json(const RunResult& result) {
    try {
        return nlohmann::json::parse(result.out);
    } catch (const nlohmann::json::exception& e) {
        ADD_FAILURE() << "stdout is not JSON (" << e.what() << ")\n" << describe(result);
        return nullptr;
    }
}

std::string describe(const RunResult& result) {
    return "exit " + std::to_string(result.exit_code) + "\n--- stdout\n" + result.out +
           "--- stderr\n" + result.err;
}

}  // namespace papers::test
