// An end for the ranking pass of a broad query: a posting source that
// matches every document until a deadline and then none, ANDed (weight 0)
// with a query so that Xapian stops where the deadline falls, with the best
// hits found by then.
//
// Why: Xapian 1.4's Enquire::set_time_limit() only lowers check_at_least;
// sorted by relevance the matcher still reads every posting that might beat
// the page's last hit, which for an OR of common words (的 OR 是 OR 在) is
// nearly all of them (docs/BENCHMARKS.md, "The worst case"). The searcher
// (searcher.h, time_budget) adds this source to the ranking pass and, when
// it expired, labels the total an estimate.
//
// Local databases only: xapian-tcpsrv knows no custom posting source (the
// searcher leaves it out where a shard is remote). Docids are read from no
// list: the source stands on whatever document the query asks for, so it
// costs a comparison per candidate and a clock read per 32.
//
// Internal to search/. Not thread-safe: one per search (its clones, one per
// local shard, share the deadline and the expired flag).
#ifndef BAOKU_SEARCH_DEADLINE_SOURCE_H_
#define BAOKU_SEARCH_DEADLINE_SOURCE_H_

#include <xapian.h>

#include <chrono>
#include <memory>
#include <string>

namespace baoku::search::internal {

class DeadlineSource : public Xapian::PostingSource {
 public:
  using Clock = std::chrono::steady_clock;

  explicit DeadlineSource(Clock::time_point deadline);

  // Whether this source or a clone of it stopped a match at the deadline.
  bool Expired() const { return *expired_; }

  Xapian::doccount get_termfreq_min() const override;
  Xapian::doccount get_termfreq_est() const override;
  Xapian::doccount get_termfreq_max() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override;
  void init(const Xapian::Database& db) override;
  PostingSource* clone() const override;
  std::string get_description() const override;

 private:
  DeadlineSource(Clock::time_point deadline, std::shared_ptr<bool> expired);
  // Moves to `did`, or to the end once the deadline has passed.
  void MoveTo(Xapian::docid did);

  Clock::time_point deadline_;
  std::shared_ptr<bool> expired_;
  Xapian::doccount doccount_ = 0;
  Xapian::docid last_docid_ = 0;
  Xapian::docid current_ = 0;
  unsigned calls_ = 0;
};

}  // namespace baoku::search::internal

#endif  // BAOKU_SEARCH_DEADLINE_SOURCE_H_
