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
// Writing is a pipeline of three steps per batch of pages (Write): the
// documents are built on every thread, article by article; their reprint
// groups are assigned on the calling thread, in write order, in memory
// (reprint_groups.h: the same groups whatever worker writes an article);
// then every worker hands its pages to its own sub-database at once.
//
// Thread-safety: one thread owns a BulkBuild and calls its members; they
// use the WorkPool given for the parallel steps.
#ifndef BAOKU_INDEXER_BULK_BUILD_H_
#define BAOKU_INDEXER_BULK_BUILD_H_

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/indexer/index_writer.h"
#include "reprint_groups.h"
#include "work_pool.h"

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
  // A worker's sub-database, for metadata (the first one's wins the merge).
  IndexWriter& Writer(int worker) { return *writers_[worker]; }

  // One printed page to write: its key and its articles in print order (none:
  // a page emptied, whose fingerprint is still stored).
  struct Page {
    std::string key;
    std::vector<const corpus::Article*> articles;
  };

  // Builds, groups and writes `pages` (in this order), each into the
  // sub-database of one worker: a page seen before in this run goes where it
  // went then (it replaces itself there), the others to balance the
  // articles each worker writes. Counts into the result what ReplacePages
  // counts. Throws on Xapian errors.
  ReplaceStats Write(const std::vector<Page>& pages,
                     const corpus::TextAnalyzer& analyzer,
                     const corpus::Lexicon& lexicon, WorkPool& pool);

  // Commits what every sub-database holds so far, each on a thread of
  // `pool` (bounding the memory of a long build); still invisible at the
  // index path.
  void Checkpoint(WorkPool& pool);

  // Commits every sub-database, merges them (documents, and metadata such
  // as page fingerprints, the lexicon and the topics: the first
  // sub-database's value wins where several hold a key) into the index at
  // the path given, and removes the work directory. Call once.
  void Finish();

 private:
  std::filesystem::path db_;
  std::filesystem::path work_;
  std::vector<std::unique_ptr<IndexWriter>> writers_;
  ReprintGroups groups_;
  std::map<std::string, int> worker_of_page_;
};

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_BULK_BUILD_H_
