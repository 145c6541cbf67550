// A long-lived reader of one index, for a server: opened once, it hands a
// ready Searcher to each request and keeps what is the same for every
// request on one revision of the index (the archive's facet lists, the
// first and newest issue dates, the topics' timelines), computed once per
// revision. Modelled on Tantivy's IndexReader → Searcher.
//
// Revisions: each Acquire() reopens the searcher it hands out on the newest
// commit and reads the revision's key; when that differs from the last one
// seen, the searchers pooled for the old revision are dropped (they carry
// the lexicon and taxonomy read when they were opened) and the cached
// summaries are recomputed on first use. So a new issue that baoku-index
// commits is seen by the next request, without a restart.
//
// Thread-safety: every method may be called from many threads at once. A
// Lease (and its Searcher) belongs to one thread until it is destroyed; the
// summaries are immutable and shared.
//
// Failures: Acquire() throws as the Searcher constructor does (IndexError,
// ShardUnavailable). The reader does not open the index until the first
// Acquire(), so that a server can start before its index exists.
#ifndef BAOKU_SEARCH_INDEX_READER_H_
#define BAOKU_SEARCH_INDEX_READER_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "baoku/corpus/date.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/facets.h"
#include "baoku/search/searcher.h"

namespace baoku::search {

// What the browsing pages and suggestions read of the whole archive, for
// one revision.
struct ArchiveSummary {
  std::string revision_key;  // As Searcher::RevisionKey().
  uint64_t articles = 0;
  Facets facets;  // Every value of every facet list, over all articles.
  std::optional<corpus::Date> first;   // Oldest issue; nullopt when empty.
  std::optional<corpus::Date> newest;  // Newest issue.
};

// Per topic id, the facets (date histogram) of the topic's articles.
using TopicTimelines = std::map<std::string, Facets>;

class IndexReader {
 public:
  struct Options {
    // Idle searchers kept for reuse; more are opened when more requests
    // run at once, and closed again when they are returned beyond this.
    size_t max_idle = 16;
  };

  // `path` as for Searcher. Owns its analyzer. Opens nothing yet.
  explicit IndexReader(std::filesystem::path path);
  IndexReader(std::filesystem::path path, Options options);
  ~IndexReader();
  IndexReader(const IndexReader&) = delete;
  IndexReader& operator=(const IndexReader&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Searcher& operator*() const { return *searcher_; }
    Searcher* operator->() const { return searcher_.get(); }
    // The revision the searcher was on when acquired.
    const std::string& revision_key() const { return revision_key_; }

   private:
    friend class IndexReader;
    Lease(IndexReader* reader, std::unique_ptr<Searcher> searcher,
          std::string revision_key, uint64_t generation);
    IndexReader* reader_;
    std::unique_ptr<Searcher> searcher_;
    std::string revision_key_;
    uint64_t generation_;
    int uncaught_ = 0;  // std::uncaught_exceptions() when made.
  };

  // A searcher on the newest revision, from the pool or newly opened. When
  // the lease is destroyed the searcher goes back to the pool, unless an
  // exception is unwinding (a lost shard may have left it unusable) or the
  // revision has changed since.
  Lease Acquire();

  // The archive summary of the lease's revision, computed with the lease's
  // searcher when it is not cached yet. Throws as Searcher::Search.
  std::shared_ptr<const ArchiveSummary> Summary(Lease& lease);

  // Each topic's timeline for the lease's revision (one search per topic
  // the first time). Throws as Searcher::Search.
  std::shared_ptr<const TopicTimelines> Timelines(Lease& lease);

  const corpus::TextAnalyzer& analyzer() const { return analyzer_; }
  const std::filesystem::path& path() const { return path_; }

  // How many times a summary or timelines were computed (for tests and
  // metrics: a request served from the cache leaves them unchanged).
  uint64_t computed_summaries() const;

 private:
  void Return(std::unique_ptr<Searcher> searcher, uint64_t generation);

  const std::filesystem::path path_;
  const Options options_;
  const corpus::TextAnalyzer analyzer_;

  mutable std::mutex mutex_;  // Guards everything below.
  std::string revision_key_;  // The newest revision seen.
  uint64_t generation_ = 0;   // Bumped when revision_key_ changes.
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::shared_ptr<const ArchiveSummary> summary_;
  std::shared_ptr<const TopicTimelines> timelines_;
  std::string timelines_key_;
  uint64_t computed_ = 0;
  // Held while a summary is computed, so that concurrent requests on a new
  // revision compute it once.
  std::mutex compute_mutex_;
};

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_INDEX_READER_H_
