// Parallel writing for a bulk build: a new, unsharded index is written as
// one sub-database per worker (each worker analyzes and writes its own
// issues, so Xapian's work is spread over the cores, not only the
// analysis), then merged into the index with Xapian's compaction.
//
// Nothing is visible at the index path until Finish(): the sub-databases
// live in a sibling work directory (PATH.bulk), and the merged database is
// renamed into place whole. A build that dies leaves no index (the next run
// starts the bulk build again, clearing PATH.bulk); an existing index is
// never built this way (the incremental path keeps its per-issue atomic
// commits).
//
// Thread-safety: Writer(w) may be used from one thread per worker at once;
// everything else from the thread that owns the BulkBuild.
#ifndef BAOKU_INDEXER_BULK_BUILD_H_
#define BAOKU_INDEXER_BULK_BUILD_H_

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "baoku/indexer/index_writer.h"

namespace baoku::indexer {

class BulkBuild {
 public:
  // True when `db` can be built in bulk: nothing is there yet (or an empty
  // directory) and it is not to be sharded.
  static bool Applies(const std::filesystem::path& db, bool sharded);

  // Creates `workers` (>= 1) empty sub-databases under PATH.bulk (removing
  // what a failed earlier build left there). Throws on I/O or Xapian
  // errors.
  BulkBuild(std::filesystem::path db, int workers);
  ~BulkBuild();  // Removes PATH.bulk (after Finish(), or when abandoned).

  int workers() const { return static_cast<int>(writers_.size()); }

  // The worker that writes an issue: the same key always goes to the same
  // worker, so a page read twice in one run is replaced, not doubled.
  int WorkerOf(const std::string& issue_key) const;
  IndexWriter& Writer(int worker) { return *writers_[worker]; }

  // Commits what every sub-database holds so far (bounding the memory of
  // a long build); still invisible at the index path.
  void Checkpoint();

  // Commits every sub-database, merges them (documents, and metadata such
  // as page fingerprints, the lexicon and the topics: the first
  // sub-database's value wins where several hold a key) into the index at
  // the path given, and removes the work directory. Call once.
  void Finish();

 private:
  std::filesystem::path db_;
  std::filesystem::path work_;
  std::vector<std::unique_ptr<IndexWriter>> writers_;
};

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_BULK_BUILD_H_
