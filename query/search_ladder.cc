#include "query/search_ladder.h"

#include <set>

#include "analyzers/schema.h"
#include "query/feedback.h"
#include "query/spelling.h"
#include "query/text_weight.h"

namespace papers {
namespace {

// Count matches exactly up to this many, so "N results" is exact for most queries.
constexpr Xapian::doccount kCheckAtLeast = 2000;
// A vote band is tried for a page sorted by votes when it has this many
// times the papers the page needs, and the last band tried.
constexpr Xapian::doccount kBandMargin = 4;

// The query's terms without field prefixes, for highlighting.
std::set<std::string> highlight_terms(const Xapian::Query& query) {
    std::set<std::string> terms;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string term = *it;  // the parts are views into it
        const schema::TermParts parts = schema::classify_term(term);
        if (parts.kind == schema::TermKind::AuthorKey || parts.kind == schema::TermKind::Filter)
            continue;
        if (!parts.text.empty()) terms.insert(std::string(parts.text));
    }
    return terms;
}

// Whether matching `query` checks more than postings: positions (a phrase,
// a Korean compound's spellings) or values (a date or votes range).
bool checks_each_match(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::OP_PHRASE:
        case Xapian::Query::OP_NEAR:
        case Xapian::Query::OP_VALUE_RANGE:
        case Xapian::Query::OP_VALUE_GE:
        case Xapian::Query::OP_VALUE_LE:
            return true;
        default:
            break;
    }
    for (size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (checks_each_match(query.get_subquery(i))) return true;
    return false;
}

// The ladder of one search, over the database of `context`.
class Ladder {
  public:
    explicit Ladder(const ReadContext& context) : c_(context), db_(context.db) {}

    // Runs `query` ranked as `ranking` says, keeping what explanations need.
    Attempt run_attempt(Xapian::Query query, Strictness level, std::vector<QueryTermOrigin> origins,
                        const Ranking& ranking) {
        Attempt out{std::move(query), Xapian::Enquire(db_), Xapian::MSet(), level,
                    std::move(origins)};
        Counting counting = Counting::InRun;
        out.mset = run(out.enquire, out.query, ranking, counting);
        const Xapian::MSet& counter =
            counting == Counting::InRun
                ? out.mset
                : count(out.query, counting == Counting::Reusable ? &out.mset : nullptr);
        out.total = counter.get_matches_estimated();
        out.exact = counter.get_matches_lower_bound() == counter.get_matches_upper_bound();
        return out;
    }

    // `text` read at `level`; an empty query when it does not parse.
    Attempt attempt(const QueryParser& parser, std::string_view text, Strictness level,
                    const SearchRequest& request) {
        ParseNotes notes;
        auto query = parser.parse(text, level, &notes, request.synonyms);
        if (!query) return {Xapian::Query(), Xapian::Enquire(db_), Xapian::MSet(), level, {}};
        return run_attempt(*query, level, std::move(notes.origins), request);
    }

    // Unless `current` matched already, reads `text` at each of `levels` in
    // turn until one matches; a reading the same as the last one run is not
    // run again, and one that matches nothing leaves `current` as it was.
    void relax(const QueryParser& parser, std::string_view text,
               std::initializer_list<Strictness> levels, const SearchRequest& request,
               Attempt& current) {
        for (const Strictness level : levels) {
            if (current.matched()) return;
            Attempt next = attempt(parser, text, level, request);
            if (next.query.empty() || next.query.serialise() == current.query.serialise()) continue;
            if (next.matched()) current = std::move(next);
        }
    }

    // Whether a run counted its matches exactly (up to kCheckAtLeast).
    enum class Counting {
        InRun,     // it did
        Reusable,  // not unless it saw them all: count() may reuse it
        Separate,  // it ran a narrower query: count() counts afresh
    };

    // Runs `query` on `enquire`, ranked as `ranking` says; `counting` says
    // whether it counted the matches.
    Xapian::MSet run(Xapian::Enquire& enquire, const Xapian::Query& query, const Ranking& ranking,
                     Counting& counting) {
        counting = Counting::InRun;
        if (ranking.limit == 0) {
            // Only the count is wanted (the partial matches of a page that
            // ends before them): the same matches, none weighed or sorted.
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            return enquire.get_mset(0, 0, kCheckAtLeast);
        }
        enquire.set_weighting_scheme(text_weight());  // relevance, or the sort's tie-break
        if (ranking.sort == SortOrder::Relevance) {
            // score = BM25 + votes_weight * log(1 + votes)
            const Xapian::Query prior =
                vote_prior_query(ranking.votes_weight, c_.priors, c_.portable_prior);
            enquire.set_query(ranking.votes_weight > 0
                                  ? Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, prior)
                                  : query);
            // Finding the best without weighing every match, then counting
            // the matches unweighed, is cheaper than weighing them all;
            // unless each match is checked (positions, values): checking
            // them twice is not.
            const bool counted = checks_each_match(query);
            counting = counted ? Counting::InRun : Counting::Reusable;
            return enquire.get_mset(ranking.offset, ranking.limit, counted ? kCheckAtLeast : 0);
        }
        const auto slot = ranking.sort == SortOrder::Votes ? schema::kSlotVotes : schema::kSlotDate;
        enquire.set_sort_by_value_then_relevance(slot, true);
        if (ranking.sort == SortOrder::Votes) {
            Xapian::MSet page = page_in_vote_band(enquire, query, ranking);
            if (!page.empty()) {
                counting = Counting::Separate;
                return page;
            }
        }
        enquire.set_query(query);
        return enquire.get_mset(ranking.offset, ranking.limit, kCheckAtLeast);
    }

    // A page sorted by votes lies within the smallest vote band with a page
    // of matches: a paper outside a band has fewer votes than every paper in
    // it. Bands from the top, each tried only when it has a good many more
    // papers than the last: sorting a band is far cheaper than sorting every
    // match (a common word at a million papers). Empty: no band has a page.
    Xapian::MSet page_in_vote_band(Xapian::Enquire& enquire, const Xapian::Query& query,
                                   const Ranking& ranking) {
        const Xapian::doccount wanted = ranking.offset + ranking.limit;
        Xapian::doccount tried = 0;  // papers in the band tried last
        const std::vector<int> bands = schema::vote_bands(schema::kTopVoteBand);  // all
        for (auto band = bands.rbegin(); band != bands.rend(); ++band) {
            const std::string term = schema::vote_band_term(*band);
            const Xapian::doccount papers = db_.get_termfreq(term);
            if (papers < wanted * kBandMargin || papers < tried * kBandMargin) continue;
            enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term)));
            Xapian::MSet page = enquire.get_mset(ranking.offset, ranking.limit);
            if (page.size() == ranking.limit) return page;
            tried = papers;
        }
        return Xapian::MSet();
    }

    // How many papers `query` matches, `mset` a run of it that did not count
    // them, if any: exact up to kCheckAtLeast. Unless that run saw every
    // match, they are matched again without weights (BoolWeight, no prior,
    // no sort).
    Xapian::MSet count(const Xapian::Query& query, const Xapian::MSet* mset) {
        if (mset && mset->get_matches_lower_bound() == mset->get_matches_upper_bound())
            return *mset;
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return enquire.get_mset(0, 0, kCheckAtLeast);
    }

    // The query as typed; if it matches nothing even with Korean words apart,
    // its spelling suggestion (relaxed the same way); only then any word of
    // the query as typed, and last any word of the suggestion. A suggestion
    // that needs any-word relaxation is no better a guess than the words as
    // typed, unless they match nothing at all. Last, any word of a
    // hyphenated term (Strictness::AnyPart).
    //
    // When the papers with every word do not fill the page, papers with
    // only some of the words follow them (Hit::partial), best first; not in
    // a list sorted by votes or date, which would then be out of order.
    Result<SearchResults> search(const SearchRequest& request) {
        QueryParser parser(c_.analyzer, db_);
        ParseNotes notes;
        auto query = parser.parse(request.query, Strictness::Compounds, &notes, request.synonyms);
        if (!query) return query.error();
        SearchResults results;
        results.query = request.query;
        results.words_left_out = notes.words_left_out;
        results.suggestion = suggest_spelling(request.query, notes.spans, c_.analyzer, db_);
        Attempt current =
            run_attempt(*query, Strictness::Compounds, std::move(notes.origins), request);
        const auto try_suggestion = [&](std::initializer_list<Strictness> levels) {
            if (current.matched() || results.suggestion.empty()) return;
            relax(parser, results.suggestion, levels, request, current);
            results.corrected = current.matched();
        };
        relax(parser, request.query, {Strictness::AllWords}, request, current);
        try_suggestion({Strictness::Compounds, Strictness::AllWords});
        relax(parser, request.query, {Strictness::AnyWord}, request, current);
        try_suggestion({Strictness::AnyWord});
        relax(parser, request.query, {Strictness::AnyPart}, request, current);
        const bool any_word =
            current.strictness == Strictness::AnyWord || current.strictness == Strictness::AnyPart;
        results.relaxed = current.strictness != Strictness::Compounds;
        results.total = current.total;
        results.total_exact = current.exact;
        results.total_every_word = any_word ? 0 : results.total;
        results.hits = hits(current, request);
        // A list sorted by votes or date is the matching papers in that
        // order: papers with only some of the words would break the order.
        if (request.fill_with_partial && request.sort == SortOrder::Relevance && !any_word)
            add_partial_matches(parser, results.corrected ? results.suggestion : request.query,
                                request, current, results);
        return results;
    }

    // Papers with only some of the words, after every paper with all of
    // them: the any-word reading less the one that matched, paged on from
    // where that one's results end, and counted in the total on every page.
    void add_partial_matches(const QueryParser& parser, std::string_view text,
                             const SearchRequest& request, const Attempt& every_word,
                             SearchResults& results) {
        const size_t every = results.total_every_word;
        ParseNotes notes;
        auto any_word = parser.parse(text, Strictness::AnyWord, &notes, request.synonyms);
        if (!any_word || any_word->serialise() == every_word.query.serialise()) return;
        // The page may end before them: then only their count is wanted.
        Ranking page = request;
        page.offset = request.offset > every ? request.offset - every : 0;
        const size_t end = request.offset + request.limit;
        page.limit = end > every ? end - std::max(request.offset, every) : 0;
        // Ranked also by the words of the best papers (query/feedback.h);
        // highlighted by the query's own.
        const Xapian::Query some_words(Xapian::Query::OP_AND_NOT, *any_word, every_word.query);
        const Feedback feedback = page.limit ? query_feedback(db_, every_word.query) : Feedback{};
        std::set<std::string> noted;
        for (const auto& origin : notes.origins) noted.insert(origin.term);
        for (const auto& term : feedback.terms)
            if (noted.insert(term).second) notes.origins.push_back({term, TermOrigin::Related});
        Attempt partial = run_attempt(ranked_by_feedback(some_words, feedback), Strictness::AnyWord,
                                      std::move(notes.origins), page);
        partial.query = some_words;
        results.total += partial.total;
        results.total_exact = results.total_exact && partial.exact;
        for (auto& hit : hits(partial, request)) {
            hit.rank += every;
            hit.partial = true;
            results.hits.push_back(std::move(hit));
        }
    }

    std::vector<Hit> hits(const Attempt& attempt, const Ranking& ranking) {
        const std::set<std::string> terms = highlight_terms(attempt.query);
        TermOrigins origin_of;
        for (const auto& origin : attempt.origins) origin_of[origin.term] = origin.origin;
        const double votes_weight = ranking.sort == SortOrder::Relevance ? ranking.votes_weight : 0;
        std::vector<Hit> out;
        for (auto it = attempt.mset.begin(); it != attempt.mset.end(); ++it) {
            out.push_back(c_.papers.hit(it, terms, c_.analyzer));
            if (ranking.explain)
                out.back().explanation =
                    explain_match(db_, attempt.enquire, it, origin_of, votes_weight);
        }
        return out;
    }

  private:
    const ReadContext& c_;
    const Xapian::Database& db_;
};

}  // namespace

Attempt run_attempt(const ReadContext& context, Xapian::Query query, Strictness level,
                    std::vector<QueryTermOrigin> origins, const Ranking& ranking) {
    return Ladder(context).run_attempt(std::move(query), level, std::move(origins), ranking);
}

std::vector<Hit> attempt_hits(const ReadContext& context, const Attempt& attempt,
                              const Ranking& ranking) {
    return Ladder(context).hits(attempt, ranking);
}

Result<SearchResults> run_search(const ReadContext& context, const SearchRequest& request) {
    return Ladder(context).search(request);
}

}  // namespace papers
