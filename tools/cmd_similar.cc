// papers similar [--db DIR] [--limit N] [--offset N] [--votes-weight X] [--json] ARXIV_ID
// The papers most like one (query/similar.h), ranked as search ranks.
#include "analyzers/arxiv_id.h"
#include "tools/commands.h"
#include "tools/exit_codes.h"

namespace papers::cli {
namespace {

struct SimilarOptions {
    CommonOptions common;
    std::string arxiv_id;
    Ranking ranking;
};

int run_similar(const SimilarOptions& options) {
    const std::string id = canonical_arxiv_id(options.arxiv_id);
    if (id.empty()) return report(Error{ErrorKind::BadQuery, "the arXiv id is empty"}, "");
    auto index = open_index(options.common);
    if (!index.searcher) return index.exit_code;

    const auto results = index.searcher->similar(id, options.ranking);
    if (!results) return report(results.error(), index.db_path);  // NotFound: exit 1
    make_printer(options.common)->similar(*results);
    if (results->total == 0) return report_nothing_found("no other paper is like " + id);
    return kExitOk;
}

}  // namespace

Command add_similar_command(CLI::App& app) {
    auto options = std::make_shared<SimilarOptions>();
    auto* command = app.add_subcommand("similar", "the papers most like one, by arXiv id");
    define_flags_when_named(*command, [command, options] {
        add_common_options(*command, options->common);
        add_pager_option(*command, options->common);
        add_format_option(*command, options->common);
        add_ranking_options(*command, options->ranking);
        command
            ->add_option("ARXIV_ID", options->arxiv_id,
                         "e.g. 2409.16191, arXiv:ID, an arxiv.org or huggingface.co/papers URL")
            ->required();
    });
    return {command, [options] { return run_similar(*options); }};
}

}  // namespace papers::cli
