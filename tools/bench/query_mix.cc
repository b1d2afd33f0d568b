#include "tools/bench/query_mix.h"

namespace papers::bench {

const std::vector<QueryCase>& query_mix() {
    // ripgrep finds lines, not papers: -c counts matching lines per daily
    // file. It has no AND within a paper and no ranking, so those are left out.
    static const std::vector<QueryCase> mix = {
        {"rare English term",
         "watermark",
         SortOrder::Relevance,
         "watermark",
         "watermark",
         "watermark",
         "",
         false,
         {"-c", "-i", "-F", "watermark"}},
        {"common English term",
         "model",
         SortOrder::Relevance,
         "model",
         "model",
         "model",
         "",
         false,
         {"-c", "-i", "-F", "model"}},
        {"Korean term",
         "강화학습",
         SortOrder::Relevance,
         "강화학습",
         "강화학습*",
         "\"강화학습\"",
         "",
         false,
         {"-c", "-F", "강화학습"}},
        {"two-word AND",
         "reward model",
         SortOrder::Relevance,
         "reward model",
         "reward model",
         "reward model",
         "",
         false,
         {}},
        {"phrase",
         "\"language model\"",
         SortOrder::Relevance,
         "\"language model\"",
         "\"language model\"",
         "\"language model\"",
         "",
         false,
         {"-c", "-i", "-F", "language model"}},
        {"author",
         "author:\"Ge Zhang\"",
         SortOrder::Relevance,
         "\"Ge Zhang\"",
         "authors:\"Ge Zhang\"",
         "authors:\"Ge Zhang\"",
         "",
         false,
         {"-c", "-F", "Ge Zhang"}},
        {"date-range filter",
         "diffusion date:2024-03-01..2024-03-31",
         SortOrder::Relevance,
         "",
         "diffusion",
         "diffusion",
         "date BETWEEN '2024-03-01' AND '2024-03-31'",
         false,
         {"-c", "-i", "-F", "-g", "**/2024/03/*.md", "diffusion"}},
        {"votes sort", "diffusion", SortOrder::Votes, "", "diffusion", "diffusion", "", true, {}},
    };
    return mix;
}

std::string fts_count_sql(const QueryCase& query) {
    return "SELECT count(*) FROM papers WHERE papers MATCH ?" +
           (query.sql_filter.empty() ? std::string() : " AND " + query.sql_filter);
}

std::string fts_sql(const QueryCase& query, const std::string& match, bool literal) {
    std::string match_sql = "?";
    if (literal) {
        match_sql = "'";
        for (char c : match) match_sql += c == '\'' ? std::string("''") : std::string(1, c);
        match_sql += "'";
    }
    std::string sql =
        "SELECT arxiv_id, title, date, votes, snippet(papers, 2, '', '', '…', 24) FROM papers "
        "WHERE papers MATCH " +
        match_sql;
    if (!query.sql_filter.empty()) sql += " AND " + query.sql_filter;
    // bm25 with the title weighted 3, as our index counts a title word 3 times.
    sql += query.sql_by_votes ? " ORDER BY votes DESC" : " ORDER BY bm25(papers, 3.0, 1.0, 1.0)";
    return sql + " LIMIT " + std::to_string(kLimit);
}

}  // namespace papers::bench
