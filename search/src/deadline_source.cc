#include "deadline_source.h"

#include <utility>

namespace baoku::search::internal {

namespace {
// Clock reads are one per this many moves.
constexpr unsigned kMovesPerClockRead = 32;
}  // namespace

DeadlineSource::DeadlineSource(Clock::time_point deadline)
    : DeadlineSource(deadline, std::make_shared<bool>(false)) {}

DeadlineSource::DeadlineSource(Clock::time_point deadline,
                               std::shared_ptr<bool> expired)
    : deadline_(deadline), expired_(std::move(expired)) {}

Xapian::doccount DeadlineSource::get_termfreq_min() const { return 0; }
Xapian::doccount DeadlineSource::get_termfreq_est() const { return doccount_; }
Xapian::doccount DeadlineSource::get_termfreq_max() const { return doccount_; }

void DeadlineSource::init(const Xapian::Database& db) {
  doccount_ = db.get_doccount();
  last_docid_ = db.get_lastdocid();
  current_ = 0;
  calls_ = 0;
}

void DeadlineSource::MoveTo(Xapian::docid did) {
  if (did <= current_) return;
  current_ = did;
  if (++calls_ % kMovesPerClockRead == 0 && Clock::now() >= deadline_) {
    *expired_ = true;
  }
}

void DeadlineSource::next(double) { MoveTo(current_ + 1); }

void DeadlineSource::skip_to(Xapian::docid did, double) { MoveTo(did); }

bool DeadlineSource::check(Xapian::docid did, double) {
  MoveTo(did);
  return true;
}

bool DeadlineSource::at_end() const {
  return *expired_ || current_ > last_docid_ || last_docid_ == 0;
}

Xapian::docid DeadlineSource::get_docid() const { return current_; }

Xapian::PostingSource* DeadlineSource::clone() const {
  return new DeadlineSource(deadline_, expired_);
}

std::string DeadlineSource::get_description() const {
  return "baoku::search::internal::DeadlineSource";
}

}  // namespace baoku::search::internal
