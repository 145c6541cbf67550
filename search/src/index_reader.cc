#include "baoku/search/index_reader.h"

#include <exception>
#include <utility>

#include "baoku/search/browse.h"

namespace baoku::search {

IndexReader::IndexReader(std::filesystem::path path)
    : IndexReader(std::move(path), Options{}) {}

IndexReader::IndexReader(std::filesystem::path path, Options options)
    : path_(std::move(path)), options_(options) {}

IndexReader::~IndexReader() = default;

IndexReader::Lease::Lease(IndexReader* reader,
                          std::unique_ptr<Searcher> searcher,
                          std::string revision_key, uint64_t generation)
    : reader_(reader),
      searcher_(std::move(searcher)),
      revision_key_(std::move(revision_key)),
      generation_(generation),
      uncaught_(std::uncaught_exceptions()) {}

IndexReader::Lease::Lease(Lease&& other) noexcept
    : reader_(std::exchange(other.reader_, nullptr)),
      searcher_(std::move(other.searcher_)),
      revision_key_(std::move(other.revision_key_)),
      generation_(other.generation_),
      uncaught_(other.uncaught_) {}

IndexReader::Lease::~Lease() {
  if (!reader_ || !searcher_) return;
  // Unwinding: the searcher may have lost a shard; let it go.
  if (std::uncaught_exceptions() > uncaught_) return;
  reader_->Return(std::move(searcher_), generation_);
}

IndexReader::Lease IndexReader::Acquire() {
  std::unique_ptr<Searcher> searcher;
  uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
      generation = generation_;
    }
  }
  if (searcher) {
    std::string key = searcher->RevisionKey();
    std::lock_guard<std::mutex> lock(mutex_);
    if (key == revision_key_ && generation == generation_) {
      return Lease(this, std::move(searcher), std::move(key), generation);
    }
  }
  // None idle, or a new commit since the pooled one was opened: a fresh
  // searcher reads the revision's lexicon and taxonomy.
  searcher = std::make_unique<Searcher>(path_, analyzer_);
  std::string key = searcher->RevisionKey();
  std::lock_guard<std::mutex> lock(mutex_);
  if (key != revision_key_) {
    revision_key_ = key;
    ++generation_;
    idle_.clear();
  }
  return Lease(this, std::move(searcher), std::move(key), generation_);
}

void IndexReader::Return(std::unique_ptr<Searcher> searcher,
                         uint64_t generation) {
  std::unique_ptr<Searcher> closing;  // Closed outside the lock.
  std::lock_guard<std::mutex> lock(mutex_);
  if (generation != generation_ || idle_.size() >= options_.max_idle) {
    closing = std::move(searcher);
    return;
  }
  idle_.push_back(std::move(searcher));
}

std::shared_ptr<const ArchiveSummary> IndexReader::Summary(Lease& lease) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (summary_ && summary_->revision_key == lease.revision_key()) {
      return summary_;
    }
  }
  std::lock_guard<std::mutex> computing(compute_mutex_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (summary_ && summary_->revision_key == lease.revision_key()) {
      return summary_;
    }
  }
  auto summary = std::make_shared<ArchiveSummary>();
  summary->revision_key = lease.revision_key();
  summary->articles = lease->ArticleCount();
  summary->facets = ArchiveFacets(*lease);
  summary->first = EndDate(*lease, false);
  summary->newest = EndDate(*lease, true);
  std::lock_guard<std::mutex> lock(mutex_);
  ++computed_;
  // A lease on an older revision than the cached one does not replace it.
  if (!summary_ || lease.generation_ == generation_) summary_ = summary;
  return summary;
}

std::shared_ptr<const TopicTimelines> IndexReader::Timelines(Lease& lease) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (timelines_ && timelines_key_ == lease.revision_key()) {
      return timelines_;
    }
  }
  std::lock_guard<std::mutex> computing(compute_mutex_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (timelines_ && timelines_key_ == lease.revision_key()) {
      return timelines_;
    }
  }
  auto timelines = std::make_shared<TopicTimelines>();
  for (const auto& t : lease->topics().all()) {
    SearchRequest request;
    request.limit = 1;
    request.with_snippets = false;
    request.with_facets = true;
    request.facet_limit = 1;
    request.filters = {{"topic", t.id}};
    SearchResponse r = lease->Search(request);
    (*timelines)[t.id] = r.facets.value_or(Facets{});
  }
  std::lock_guard<std::mutex> lock(mutex_);
  ++computed_;
  if (!timelines_ || lease.generation_ == generation_) {
    timelines_ = timelines;
    timelines_key_ = lease.revision_key();
  }
  return timelines;
}

uint64_t IndexReader::computed_summaries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return computed_;
}

}  // namespace baoku::search
