// papers show [--db DIR] [--json] ARXIV_ID
// One paper in full: title, link, date, votes, every author and every section.
#include <iostream>

#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace papers::cli {
namespace {

struct ShowOptions {
    CommonOptions common;
    std::string arxiv_id;
};

// Accepts what people paste: "2409.16191", "arXiv:2409.16191v2",
// "https://arxiv.org/abs/2409.16191".
std::string bare_arxiv_id(std::string id) {
    for (const std::string prefix :
         {"https://arxiv.org/abs/", "http://arxiv.org/abs/", "arXiv:", "arxiv:"}) {
        if (id.rfind(prefix, 0) == 0) id.erase(0, prefix.size());
    }
    const size_t version = id.find_last_of('v');
    if (version != std::string::npos && version > 0 && version + 1 < id.size() &&
        id.find_first_not_of("0123456789", version + 1) == std::string::npos)
        id.resize(version);
    return id;
}

int run_show(const ShowOptions& options) {
    const std::string id = bare_arxiv_id(options.arxiv_id);
    if (id.empty()) {
        std::cerr << "papers show: the arXiv id is empty\n";
        return kExitUsage;
    }
    auto index = open_index(options.common);
    if (!index.searcher) return index.exit_code;

    const auto paper = index.searcher->show(id);
    if (!paper) return report(paper.error(), index.db_path);  // NotFound: exit 1
    make_printer(options.common)->paper(*paper);
    return kExitOk;
}

}  // namespace

Command add_show_command(CLI::App& app) {
    auto options = std::make_shared<ShowOptions>();
    auto* command = app.add_subcommand("show", "one paper in full, by arXiv id");
    define_flags_when_named(*command, [command, options] {
        add_common_options(*command, options->common);
        command->add_option("ARXIV_ID", options->arxiv_id, "e.g. 2409.16191")->required();
    });
    return {command, [options] { return run_show(*options); }};
}

}  // namespace papers::cli
