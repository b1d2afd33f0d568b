// papers show [--db DIR] [--json] ARXIV_ID
// One paper in full: title, link, date, votes, every author and every section.
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyzers/arxiv_id.h"
#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace papers::cli {
namespace {

struct ShowOptions {
    CommonOptions common;
    std::string arxiv_id;
};

int run_show(const ShowOptions& options) {
    // What people paste: 2409.16191, arXiv:2409.16191v2, an arxiv.org or a
    // huggingface.co/papers URL.
    const std::string id = canonical_arxiv_id(options.arxiv_id);
    if (id.empty()) return report(Error{ErrorKind::BadQuery, "the arXiv id is empty"}, "");
    auto index = open_index(options.common);
    if (!index.searcher) return index.exit_code;

    const auto paper = index.searcher->show(id);
    if (!paper && paper.error().kind == ErrorKind::NotFound && options.common.json)
        // A script reading --json gets an object, as search and author give one.
        std::cout << nlohmann::json{{"arxiv_id", id},
                                    {"paper", nullptr},
                                    {"error", paper.error().message}}
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
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
        add_pager_option(*command, options->common);
        command
            ->add_option("ARXIV_ID", options->arxiv_id,
                         "e.g. 2409.16191, arXiv:ID, an arxiv.org or huggingface.co/papers URL")
            ->required();
    });
    return {command, [options] { return run_show(*options); }};
}

}  // namespace papers::cli
