#include "query/searcher.h"

#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <functional>
#include <list>
#include <set>
#include <thread>
#include <unordered_map>

#include "analyzers/analyzer.h"
#include "analyzers/arxiv_id.h"
#include "analyzers/author_name.h"
#include "analyzers/document_data.h"
#include "analyzers/schema.h"
#include "analyzers/utf8.h"
#include "query/author_lookup.h"
#include "query/index_source.h"
#include "query/query_parser.h"
#include "query/similar.h"
#include "query/snippet.h"
#include "query/spelling.h"
#include "query/text_weight.h"
#include "query/vote_prior.h"

namespace papers {
namespace fs = std::filesystem;

namespace {

// A reader retries while a writer publishes: a commit (DatabaseModifiedError)
// or a swapped generation (the stub names a directory just removed) resolves
// within milliseconds, so a few short waits are plenty.
constexpr int kReopenAttempts = 8;
constexpr auto kReopenPause = std::chrono::milliseconds(25);
constexpr size_t kSuggestions = 5;
// Count matches exactly up to this many, so "N results" is exact for most queries.
constexpr Xapian::doccount kCheckAtLeast = 2000;
// A vote band is tried for a page sorted by votes when it has this many
// times the papers the page needs, and the last band tried.
constexpr Xapian::doccount kBandMargin = 4;
// Papers a Searcher keeps read and analysed (PaperCache): a few pages of
// results for the queries a long-lived Searcher meets most; each holds one
// paper's record and, once a snippet was cut from it, its analysed summary
// (tens of kB).
constexpr size_t kCachedPapers = 512;
// Terms of a paper's expand set that `similar` searches for: enough to cover
// its topic in both languages, few enough that one shared rare word does not
// decide.
constexpr Xapian::termcount kSimilarTerms = 30;

// A term without its field prefix. Prefixes are upper case; terms
// themselves are case folded.
std::string without_prefix(const std::string& term) {
    size_t i = 0;
    while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z') ++i;
    return term.substr(i);
}

// The query's terms without field prefixes, for highlighting.
std::set<std::string> highlight_terms(const Xapian::Query& query) {
    std::set<std::string> terms;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string& term = *it;
        if (term.compare(0, schema::kAuthorKeyPrefix.size(), schema::kAuthorKeyPrefix) == 0 ||
            schema::is_filter_term(term))
            continue;
        std::string text = without_prefix(term);
        if (!text.empty()) terms.insert(std::move(text));
    }
    return terms;
}

// `entry` contains the term: its Korean stems as a substring of the Korean
// key (spacing varies), its English stems as whole words of the English key.
bool glossary_match(const GlossaryEntry& entry, const GlossaryKeys& term) {
    if (!term.korean.empty() && entry.korean_key.find(term.korean) != std::string::npos)
        return true;
    return !term.english.empty() &&
           (" " + entry.english_key + " ").find(" " + term.english + " ") != std::string::npos;
}

Error index_error(const Xapian::Error& e) {
    return Error{ErrorKind::IndexError, "the index could not be read: " + e.get_description()};
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

void pause_before_retry(int attempt) {
    std::this_thread::sleep_for(kReopenPause * attempt);
}

// The papers of one open database a Searcher showed last, by document id:
// their records as read from the document data and, when a snippet was cut
// from one, its summary as the Analyzer reads it. Reading the data and
// analysing the summary are most of the cost of a hit, and the same papers
// come back page after page. Emptied whenever the database may have changed.
class PaperCache {
  public:
    struct Entry {
        Paper paper;
        std::optional<SnippetSource> source;  // analysed on first use
    };

    // The entry for `docid`, read from `document` when not kept.
    Entry& get(Xapian::docid docid, const std::function<Xapian::Document()>& document) {
        if (const auto it = index_.find(docid); it != index_.end()) {
            order_.splice(order_.begin(), order_, it->second);
            return it->second->second;
        }
        Paper paper = paper_from_document_data(document().get_data());
        order_.emplace_front(docid, Entry{std::move(paper), std::nullopt});
        index_[docid] = order_.begin();
        if (order_.size() > kCachedPapers) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
        return order_.front().second;
    }

    void clear() {
        order_.clear();
        index_.clear();
    }

  private:
    using Order = std::list<std::pair<Xapian::docid, Entry>>;  // most recently used first
    Order order_;
    std::unordered_map<Xapian::docid, Order::iterator> index_;
};

}  // namespace

struct Searcher::Impl {
    std::string path;    // the --db specs, for messages
    IndexSource source;  // what they name (query/index_source.h)
    Xapian::Database db;
    Analyzer analyzer;

    std::vector<ino_t> stub_inodes;  // of each DIR/XAPIANDB when last opened; 0: no stub
    PaperCache papers;               // of `db` as it is open now
    // Of `db` as it is open now, filled by the first search that reads
    // enough of it (query/vote_prior.h).
    std::shared_ptr<VotePriorTable> priors = std::make_shared<VotePriorTable>();

    // Everything kept of the database as it was open.
    void forget_cached() {
        papers.clear();
        priors->clear();
    }

    // Opens what the path names now: the stub is read afresh.
    void open_from_path() {
        forget_cached();
        stub_inodes = source.stub_inodes();
        // Read before the database: should a rebuild swap generations in
        // between, the table file found is of another database, and unused.
        priors->set_directory(source.vote_table_directory());
        db = source.open();
    }

    // Brings a long-lived Searcher up to date before an operation: a new
    // stub (a rebuild swapped generations) means opening from the path; else
    // reopen() picks up the latest commit of the same database.
    void refresh() {
        if (source.stub_inodes() != stub_inodes)
            open_from_path();
        else if (db.reopen())
            forget_cached();
    }

    // Runs `body` on the latest index, reopening if a writer changes it under
    // us. Retries open from the path, not with db.reopen(): that would re-read
    // the generation it has open, which a rebuild may have removed; the path
    // re-reads the stub and finds the live one.
    template <typename Body>
    auto with_reopen(Body body) -> decltype(body()) {
        for (int attempt = 1;; ++attempt) {
            const bool last = attempt == kReopenAttempts;
            try {
                if (attempt == 1)
                    refresh();
                else
                    open_from_path();
                return body();
            } catch (const Xapian::DatabaseModifiedError& e) {  // a commit
                if (last) return index_error(e);
            } catch (const Xapian::DatabaseOpeningError& e) {  // a swapped generation
                if (last) return index_error(e);
            } catch (const Xapian::Error& e) {
                return index_error(e);
            } catch (const std::runtime_error& e) {  // document data that does not decode
                return Error{ErrorKind::IndexError, path + ": the index is damaged: " + e.what() +
                                                        " (papers rebuild makes a new one)"};
            }
            pause_before_retry(attempt);
        }
    }

    Hit make_hit(const Xapian::MSetIterator& it, const std::set<std::string>& terms) {
        Hit hit;
        hit.rank = it.get_rank() + 1;
        hit.score = it.get_weight();
        PaperCache::Entry& entry = papers.get(*it, [&] { return it.get_document(); });
        hit.paper = entry.paper;
        if (!entry.source && !terms.empty()) entry.source = snippet_source(entry.paper, analyzer);
        Snippet snippet = terms.empty() ? make_snippet(entry.paper, terms, analyzer)
                                        : make_snippet(*entry.source, terms);
        hit.snippet = std::move(snippet.text);
        hit.highlights = std::move(snippet.highlights);
        return hit;
    }

    // One reading of a query, the Enquire that ran it (for explanations) and
    // what it matched.
    struct Attempt {
        Xapian::Query query;
        Xapian::Enquire enquire;
        Xapian::MSet mset;
        Strictness strictness = Strictness::Compounds;
        std::vector<QueryTermOrigin> origins;
        Xapian::doccount total = 0;  // matches: exact up to kCheckAtLeast
        bool exact = true;           // false: `total` is Xapian's estimate
        bool matched() const { return total > 0; }
    };

    // Runs `query` ranked as `ranking` says, keeping what explanations need.
    Attempt run_attempt(Xapian::Query query, Strictness level, std::vector<QueryTermOrigin> origins,
                        const Ranking& ranking) {
        Attempt out{std::move(query), Xapian::Enquire(db), Xapian::MSet(), level,
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
        if (!query) return {Xapian::Query(), Xapian::Enquire(db), Xapian::MSet(), level, {}};
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
                vote_prior_query(ranking.votes_weight, priors, !source.single_local());
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
        for (int band = schema::kTopVoteBand; band >= 1; band /= 2) {
            const std::string term = schema::vote_band_term(band);
            const Xapian::doccount papers = db.get_termfreq(term);
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
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        return enquire.get_mset(0, 0, kCheckAtLeast);
    }

    // The query as typed; if it matches nothing even with Korean words apart,
    // its spelling suggestion (relaxed the same way); only then any word of
    // the query as typed, and last any word of the suggestion. A suggestion
    // that needs any-word relaxation is no better a guess than the words as
    // typed, unless they match nothing at all.
    //
    // When the papers with every word do not fill the page, papers with
    // only some of the words follow them (Hit::partial), best first; not in
    // a list sorted by votes or date, which would then be out of order.
    Result<SearchResults> search(const SearchRequest& request) {
        QueryParser parser(analyzer, db);
        ParseNotes notes;
        auto query = parser.parse(request.query, Strictness::Compounds, &notes, request.synonyms);
        if (!query) return query.error();
        SearchResults results;
        results.query = request.query;
        results.words_left_out = notes.words_left_out;
        results.suggestion = suggest_spelling(request.query, notes.spans, analyzer, db);
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
        results.relaxed = current.strictness != Strictness::Compounds;
        results.total = current.total;
        results.total_exact = current.exact;
        results.total_every_word = current.strictness == Strictness::AnyWord ? 0 : results.total;
        results.hits = hits(current, request);
        // A list sorted by votes or date is the matching papers in that
        // order: papers with only some of the words would break the order.
        if (request.fill_with_partial && request.sort == SortOrder::Relevance &&
            current.strictness != Strictness::AnyWord)
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
        const Attempt partial =
            run_attempt(Xapian::Query(Xapian::Query::OP_AND_NOT, *any_word, every_word.query),
                        Strictness::AnyWord, std::move(notes.origins), page);
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
            out.push_back(make_hit(it, terms));
            if (ranking.explain)
                out.back().explanation =
                    explain_match(db, attempt.enquire, it, origin_of, votes_weight);
        }
        return out;
    }

    Result<SimilarResults> similar(const std::string& arxiv_id, const Ranking& ranking) {
        auto paper = show(arxiv_id);
        if (!paper) return paper.error();
        SimilarResults results;
        auto similar = similar_query(db, schema::id_term(paper->arxiv_id), kSimilarTerms);
        results.paper = std::move(*paper);
        if (!similar || similar->query.empty()) return results;
        results.terms = std::move(similar->terms);
        const Attempt attempt = run_attempt(similar->query, Strictness::AnyWord, {}, ranking);
        results.total = attempt.total;
        results.hits = hits(attempt, ranking);
        return results;
    }

    Result<AuthorResults> author(const std::string& name, size_t limit) {
        AuthorResults results;
        results.query = name;
        const std::string key = author_key(name);
        if (key.empty()) return Error{ErrorKind::BadQuery, "no author name given"};
        const std::string term = std::string(schema::kAuthorKeyPrefix) + key;
        if (!db.term_exists(term)) {
            for (const auto& near : nearest_author_keys(db, key, kSuggestions))
                results.suggestions.push_back(display_name(near));
            return results;
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(term));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(schema::kSlotDate, true);  // newest first
        Xapian::MSet mset = enquire.get_mset(0, limit ? limit : db.get_doccount());
        results.total = mset.get_matches_estimated();
        std::set<std::string> seen;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit hit = make_hit(it, {});
            for (const auto& author : hit.paper.authors)
                if (author_key(author) == key && seen.insert(author).second)
                    results.matched_names.push_back(author);
            results.hits.push_back(std::move(hit));
        }
        return results;
    }

    // The name as written upstream for an author key.
    std::string display_name(const std::string& key) {
        const std::string term = std::string(schema::kAuthorKeyPrefix) + key;
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return key;
        for (const auto& author : from_document_data(db.get_document(*it).get_data()).paper.authors)
            if (author_key(author) == key) return author;
        return key;
    }

    Result<Paper> show(const std::string& arxiv_id) {
        const std::string id = canonical_arxiv_id(arxiv_id);
        const std::string term = schema::id_term(id);
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term))
            return Error{ErrorKind::NotFound, "no paper with arXiv id '" + id + "' in the index"};
        return from_document_data(db.get_document(*it).get_data()).paper;
    }

    Result<GlossaryResults> glossary(const std::string& term, size_t limit) {
        GlossaryResults results;
        results.term = term;
        const GlossaryKeys keys = glossary_keys(term, analyzer);
        if (!term.empty() && keys.korean.empty() && keys.english.empty())
            return Error{ErrorKind::BadQuery, "the term has no words"};
        for (auto& entry : learned_glossary(db)) {
            if (!term.empty() && !glossary_match(entry, keys)) continue;
            ++results.total;
            if (limit == 0 || results.entries.size() < limit)
                results.entries.push_back(std::move(entry));
        }
        return results;
    }

    Result<IndexStats> stats() {
        IndexStats stats;
        stats.papers = db.get_doccount();
        const std::string day(schema::kDayPrefix), author(schema::kAuthorKeyPrefix);
        for (auto it = db.allterms_begin(day); it != db.allterms_end(day); ++it) ++stats.days;
        for (auto it = db.allterms_begin(author); it != db.allterms_end(author); ++it)
            ++stats.authors;
        const auto iso = [](const std::string& digits) {
            return digits.size() == 8
                       ? digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2)
                       : digits;
        };
        if (stats.papers > 0) {
            stats.first_day = iso(db.get_value_lower_bound(schema::kSlotDate));
            stats.last_day = iso(db.get_value_upper_bound(schema::kSlotDate));
        }
        stats.index_bytes = source.local_bytes();
        stats.updated = db.get_metadata(std::string(schema::kMetaLastUpdate));
        return stats;
    }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& db_path) {
    return open(std::vector<std::string>{db_path});
}

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::string>& db_paths) {
    auto source = IndexSource::parse(db_paths);
    if (!source) return source.error();
    auto impl = std::make_unique<Impl>();
    impl->path = source->description();
    impl->source = std::move(*source);
    const std::string& db_path = impl->path;
    // Between reading a stub and opening what it names, a rebuild may have
    // replaced that generation: read the stub again.
    const bool stub = !impl->source.single_local() ||
                      fs::exists(fs::path(impl->source.parts().front().path) / "XAPIANDB");
    for (int attempt = 1;; ++attempt) {
        try {
            impl->open_from_path();
            return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
        } catch (const Xapian::NetworkError& e) {  // a server down, or not answering
            return reach_error(impl->source, e);
        } catch (const Xapian::DatabaseOpeningError& e) {
            // Not an index at all, or a file the OS will not let us read (not
            // one a rebuild removed between reading the stub and opening it).
            const char* reason = e.get_error_string();
            if (!stub || (reason && std::string(reason) != std::strerror(ENOENT)))
                return Error{ErrorKind::IndexError,
                             "cannot open the index at " + db_path + ": " + e.get_description()};
            if (attempt == kReopenAttempts)
                return Error{ErrorKind::IndexError, "no usable index at " + db_path + ": " +
                                                        e.get_msg() +
                                                        " (papers rebuild makes a new one)"};
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kReopenAttempts) return index_error(e);
        } catch (const Xapian::Error& e) {
            return index_error(e);
        }
        pause_before_retry(attempt);
    }
}

// Text from outside (a command line) may be any bytes; the Analyzer reads
// UTF-8 only, so invalid sequences become U+FFFD first.
Result<SearchResults> Searcher::search(const SearchRequest& request) {
    if (!is_valid_utf8(request.query)) {
        SearchRequest valid = request;
        valid.query = sanitize_utf8(request.query);
        return search(valid);
    }
    return impl_->with_reopen([&] { return impl_->search(request); });
}

Result<AuthorResults> Searcher::author(const std::string& name, size_t limit) {
    if (!is_valid_utf8(name)) return author(sanitize_utf8(name), limit);
    return impl_->with_reopen([&] { return impl_->author(name, limit); });
}

Result<SimilarResults> Searcher::similar(const std::string& arxiv_id, const Ranking& ranking) {
    return impl_->with_reopen([&] { return impl_->similar(arxiv_id, ranking); });
}

Result<Paper> Searcher::show(const std::string& arxiv_id) {
    return impl_->with_reopen([&] { return impl_->show(arxiv_id); });
}

Result<IndexStats> Searcher::stats() {
    return impl_->with_reopen([&] { return impl_->stats(); });
}

Result<GlossaryResults> Searcher::glossary(const std::string& term, size_t limit) {
    if (!is_valid_utf8(term)) return glossary(sanitize_utf8(term), limit);
    return impl_->with_reopen([&] { return impl_->glossary(term, limit); });
}

}  // namespace papers
