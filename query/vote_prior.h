// The votes half of a relevance score, votes_weight * log(1 + votes), as a
// Xapian posting source that skips. Xapian's ValueWeightPostingSource weighs
// every match; this one, asked only for papers worth at least w (the matcher
// asks once the page is full), walks the vote band (schema::vote_band_term)
// that holds every paper with enough votes. A common word's papers are mostly
// ranked by their votes, so at a million papers most of them are never
// weighed.
#pragma once

#include <xapian.h>

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/schema.h"
#include "analyzers/vote_table.h"

namespace papers {

// Every paper's log(1 + votes) by document id. Looking a prior up in the
// value stream decodes the entries before it in its chunk, so a search that
// weighs a good share of the papers reads about the whole stream anyway (42%
// of a 3,000-match search at 100k papers). The index's stored vote table
// (analyzers/vote_table.h) is read in one lookup; without one (an index
// written before it, or a stale one) the stream is read in one pass once a
// search has read enough of it. Either serves every later search of the same
// open database: a Searcher holds one and empties it on reopen.
class VotePriorTable {
  public:
    bool loaded() const { return loaded_; }
    // Where the database's files are, for the table's file (its entry
    // otherwise); "" when unknown.
    void set_directory(std::string dir) { directory_ = std::move(dir); }
    // From the stored vote table; false (and not loaded) without a valid
    // one. Reads it only the first time after construction or clear().
    bool load_stored(const Xapian::Database& db);
    // From the stored table if valid, else one pass over the value stream.
    void load(const Xapian::Database& db);
    void clear();
    // The prior of `did`; negative when the paper has none (deleted).
    double operator[](Xapian::docid did) const {
        if (votes_) {
            const int votes = votes_->votes(did);
            return votes < 0 ? -1.0 : log1p_of(votes);
        }
        return did < priors_.size() ? priors_[did] : -1.0;
    }

  private:
    // schema::vote_prior(votes), from a table of the vote counts seen on
    // Hugging Face.
    double log1p_of(int votes) const {
        return static_cast<size_t>(votes) < log1p_.size() ? log1p_[votes]
                                                          : schema::vote_prior(votes);
    }

    std::string directory_;
    bool loaded_ = false;
    bool stored_tried_ = false;       // load_stored() ran on this database
    std::optional<VoteTable> votes_;  // the stored table, when valid
    std::vector<double> priors_;      // else the priors read from the stream
    std::vector<double> log1p_;
};

class VotePriorSource : public Xapian::PostingSource {
  public:
    // `table`, when given, is filled once a search has read enough of the
    // stream to make one pass cheaper, and used from then on.
    explicit VotePriorSource(double votes_weight, std::shared_ptr<VotePriorTable> table = nullptr);

    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return papers_; }
    Xapian::doccount get_termfreq_max() const override { return papers_; }

    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    // Moves like skip_to(): a band lets it leap, and the matcher then leaps
    // the text's postings to the paper it lands on.
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return at_end_; }
    Xapian::docid get_docid() const override { return docid_; }
    double get_weight() const override { return weight_; }

    Xapian::PostingSource* clone() const override;
    std::string name() const override { return "papers::VotePriorSource"; }

  private:
    // The largest band threshold at or below the votes worth `min_wt`;
    // 0 when every paper with a prior may be.
    int band_for(double min_wt) const;
    // To the first paper at or after `did` worth at least `min_wt`.
    void advance(Xapian::docid did, double min_wt);
    // The prior of `did` (negative: none), from the table or the stream.
    double prior_of(Xapian::docid did);
    // Moves `did` to the first paper with a prior at or after it and sets
    // `prior`; false when there is none.
    bool next_with_prior(Xapian::docid& did, double& prior);
    // Fills the table once the stream has been read often enough.
    void maybe_load_table();

    double votes_weight_;
    std::shared_ptr<VotePriorTable> table_;
    Xapian::Database db_;
    Xapian::doccount papers_ = 0;
    Xapian::docid last_docid_ = 0;
    Xapian::ValueIterator prior_;  // log(1 + votes) of every paper
    Xapian::doccount stream_reads_ = 0;
    int band_ = -1;  // the band walked; 0: every paper's prior
    // The least weight band_ was worked out for; NaN: none yet.
    double band_min_wt_ = std::numeric_limits<double>::quiet_NaN();
    Xapian::PostingIterator band_postings_;
    Xapian::docid docid_ = 0;
    double weight_ = 0;
    bool at_end_ = false;
};

// The votes half of a relevance score as a query. On one local database,
// VotePriorSource over `table`. On a remote or sharded index (`portable`),
// Xapian's ValueWeightPostingSource over the same slot, scaled by
// `votes_weight`: a stock xapian-tcpsrv knows it (it cannot run a posting
// source of ours), and every paper gets the same weight, votes_weight *
// log(1 + votes); only the skipping by vote band is lost.
Xapian::Query vote_prior_query(double votes_weight, std::shared_ptr<VotePriorTable> table,
                               bool portable);

}  // namespace papers
