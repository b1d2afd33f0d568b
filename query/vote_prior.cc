#include "query/vote_prior.h"

#include "analyzers/schema.h"

namespace papers {

namespace {

// The table is filled once a search has read this share of the papers'
// priors from the stream (1/kStreamShare): the stream's reads then cost
// about one pass already, so filling it costs at most as much again.
constexpr Xapian::doccount kStreamShare = 100;

// log1p of every vote count below this is looked up, not computed: more
// than any paper on Hugging Face has had.
constexpr size_t kCachedVoteCounts = 4096;

}  // namespace

bool VotePriorTable::load_stored(const Xapian::Database& db) {
    if (stored_tried_) return votes_.has_value();
    stored_tried_ = true;
    votes_ = VoteTable::read(db, directory_);
    if (!votes_) return false;
    priors_.clear();
    log1p_.resize(kCachedVoteCounts);
    for (size_t votes = 0; votes < log1p_.size(); ++votes)
        log1p_[votes] = schema::vote_prior(static_cast<double>(votes));
    loaded_ = true;
    return true;
}

void VotePriorTable::load(const Xapian::Database& db) {
    if (load_stored(db)) return;
    priors_.assign(db.get_lastdocid() + 1, -1.0);
    const auto end = db.valuestream_end(schema::kSlotVotePrior);
    for (auto it = db.valuestream_begin(schema::kSlotVotePrior); it != end; ++it)
        priors_[it.get_docid()] = schema::vote_prior_of_value(*it);
    loaded_ = true;
}

void VotePriorTable::clear() {
    stored_tried_ = false;
    votes_.reset();
    priors_.clear();
    priors_.shrink_to_fit();
    log1p_.clear();
    loaded_ = false;
}

VotePriorSource::VotePriorSource(double votes_weight, std::shared_ptr<VotePriorTable> table)
    : votes_weight_(votes_weight), table_(std::move(table)) {}

void VotePriorSource::init(const Xapian::Database& db) {
    db_ = db;
    papers_ = db.get_doccount();
    last_docid_ = db.get_lastdocid();
    prior_ = db.valuestream_begin(schema::kSlotVotePrior);
    stream_reads_ = 0;
    // A stored vote table costs one lookup: read it before any stream read.
    if (table_) table_->load_stored(db);
    band_ = -1;
    band_min_wt_ = std::numeric_limits<double>::quiet_NaN();
    docid_ = 0;
    weight_ = 0;
    at_end_ = false;
    const std::string top = db.get_value_upper_bound(schema::kSlotVotePrior);
    set_maxweight(top.empty() ? 0 : votes_weight_ * schema::vote_prior_of_value(top));
}

int VotePriorSource::band_for(double min_wt) const {
    if (votes_weight_ <= 0 || min_wt <= 0) return 0;
    return schema::vote_band_of(schema::votes_of_prior(min_wt / votes_weight_));
}

void VotePriorSource::maybe_load_table() {
    if (table_ && !table_->loaded() && ++stream_reads_ > last_docid_ / kStreamShare)
        table_->load(db_);
}

double VotePriorSource::prior_of(Xapian::docid did) {
    maybe_load_table();
    if (table_ && table_->loaded()) return (*table_)[did];
    if (!prior_.check(did) || prior_.get_docid() != did) return -1.0;
    return schema::vote_prior_of_value(*prior_);
}

bool VotePriorSource::next_with_prior(Xapian::docid& did, double& prior) {
    maybe_load_table();
    if (table_ && table_->loaded()) {
        for (; did <= last_docid_; ++did)
            if ((prior = (*table_)[did]) >= 0) return true;
        return false;
    }
    prior_.skip_to(did);
    if (prior_ == Xapian::ValueIterator()) return false;
    did = prior_.get_docid();
    prior = schema::vote_prior_of_value(*prior_);
    return true;
}

void VotePriorSource::advance(Xapian::docid did, double min_wt) {
    // The matcher asks with the same least weight many times in a row.
    if (!(min_wt == band_min_wt_)) {  // NaN compares unequal: none worked out yet
        band_min_wt_ = min_wt;
        const int band = band_for(min_wt);
        if (band != band_) {
            band_ = band;
            if (band_ > 0) band_postings_ = db_.postlist_begin(schema::vote_band_term(band_));
        }
    }
    const auto band_end = Xapian::PostingIterator();
    while (true) {
        double prior;
        if (band_ > 0) {
            // The band's next paper, then its prior, which every paper has.
            band_postings_.skip_to(did);
            if (band_postings_ == band_end) break;
            did = *band_postings_;
            prior = prior_of(did);
            if (prior < 0) {
                did = did + 1;
                continue;
            }
        } else if (!next_with_prior(did, prior)) {
            break;
        }
        const double weight = votes_weight_ * prior;
        if (weight >= min_wt) {
            docid_ = did;
            weight_ = weight;
            return;
        }
        did = did + 1;
    }
    at_end_ = true;
}

void VotePriorSource::next(double min_wt) {
    advance(docid_ + 1, min_wt);
}

void VotePriorSource::skip_to(Xapian::docid did, double min_wt) {
    if (did <= docid_) return;
    advance(did, min_wt);
}

bool VotePriorSource::check(Xapian::docid did, double min_wt) {
    skip_to(did, min_wt);
    return true;
}

Xapian::PostingSource* VotePriorSource::clone() const {
    return new VotePriorSource(votes_weight_, table_);
}

Xapian::Query vote_prior_query(double votes_weight, std::shared_ptr<VotePriorTable> table,
                               bool portable) {
    if (!portable)
        return Xapian::Query((new VotePriorSource(votes_weight, std::move(table)))->release());
    const Xapian::Query prior(
        (new Xapian::ValueWeightPostingSource(schema::kSlotVotePrior))->release());
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, prior, votes_weight);
}

}  // namespace papers
