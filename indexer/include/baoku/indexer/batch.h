// A batch run of the indexer: finds page files, reads and analyzes them on
// several threads, and writes each issue to the index in one transaction
// from a single writer (or, for a new index, one writer per thread into
// sub-databases merged at the end).
//
// Files are taken in groups (one group per issue date in the path, else per
// folder), so memory stays bounded by a group, and an issue is committed
// whole. A page that cannot be read is reported and skipped; the other pages
// of the batch are still indexed. IndexFiles is not reentrant for the same
// database (one writer per database).
#ifndef BAOKU_INDEXER_BATCH_H_
#define BAOKU_INDEXER_BATCH_H_

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/page_meta.h"
#include "baoku/corpus/topics.h"
#include "baoku/indexer/shards.h"

namespace baoku::indexer {

// Input files under `inputs` (files as given; directories searched
// recursively for pages, *.txt, and NDJSON exports, *.ndjson and *.jsonl),
// sorted by path.
std::vector<std::filesystem::path> FindPageFiles(
    const std::vector<std::filesystem::path>& inputs,
    std::vector<corpus::Diagnostic>& errors);

struct BatchSummary {
  size_t files = 0;
  size_t failed_files = 0;
  size_t failed_records = 0;  // NDJSON lines that were not read.
  size_t issues = 0;
  size_t articles = 0;  // Read, whether written or unchanged.
  size_t added = 0;
  size_t replaced = 0;
  size_t removed = 0;
  size_t unchanged = 0;  // Articles of pages skipped as already indexed.
  size_t warnings = 0;
  double seconds = 0;
  // Where the time went: `parallel_seconds` of the wall `seconds` inside
  // loops that ran on all `threads`; `cpu_seconds` of the process in all,
  // `parallel_cpu_seconds` of them in those loops, and `critical_cpu_seconds`
  // the serial CPU time (outside the loops: merging, the lexicon, the
  // one-writer path's Xapian writes) plus, for each loop, the CPU time of
  // its busiest thread. On idle cores a run takes about critical seconds:
  // cpu_seconds of a one-thread run ÷ critical_cpu_seconds of a T-thread run
  // is the speed-up T threads can give, measurable on a loaded machine too.
  int threads = 1;
  double parallel_seconds = 0;
  double cpu_seconds = 0;
  double parallel_cpu_seconds = 0;
  double critical_cpu_seconds = 0;
  // Words of the lexicon (an edited lexicon file) that the index did not
  // hold; the articles already indexed that hold them were re-written
  // first, and only those (lexicon_update.h).
  std::vector<std::string> lexicon_words;
  size_t lexicon_rewritten = 0;
  // Ids of the articles written (added or replaced), for the saved
  // searches' counts of what is new (search/saved_searches.h).
  std::vector<std::string> written_ids;
};

struct BatchProgress {
  size_t files_done = 0;
  size_t files_total = 0;
  size_t articles = 0;
  double seconds = 0;
  std::string last_issue;  // e.g. "yzrb 2026-06-11".
};

struct BatchOptions {
  corpus::PageMeta defaults;  // From --paper --date --page.
  // The project lexicon; empty: corpus::DefaultLexiconPath().
  std::filesystem::path lexicon_file;
  // Receives every warning and error as it happens (from the calling
  // thread).
  std::function<void(const corpus::Diagnostic&, bool is_error)> report;
  // Whole issues are committed together until at least this many articles
  // are pending (1: every issue on its own). A new unsharded index built on
  // several threads with more than 1 here is written in bulk instead (one
  // sub-database per thread, merged at the end, bulk_build.h): nothing is
  // visible until the whole run is done.
  size_t commit_articles = 2000;
  // Re-index pages even when they are unchanged since they were indexed.
  bool force = false;
  // Topics: each article is classified with `taxonomy` and corrected by
  // `topic_overrides` before it is written (both may be null: no topics,
  // no corrections; not owned, must outlive the call). The taxonomy is
  // stored with the index (schema::kTopicsMetadataKey). Assigned topics
  // are part of a page's fingerprint, so a changed taxonomy re-writes the
  // pages whose topics change.
  const corpus::Taxonomy* taxonomy = nullptr;
  const corpus::TopicOverrides* topic_overrides = nullptr;
  // Threads that read and analyze pages; 0: one per core.
  int threads = 0;
  // How to split the index into shards (shards.h); kNone keeps one
  // database, or the policy a sharded directory recorded.
  ShardPolicy shards;
  // Called after each group of files is written (from the calling thread).
  std::function<void(const BatchProgress&)> progress;
};

// Indexes `files` into the database at `db`. Throws on infrastructure
// failures (cannot open or write the database).
BatchSummary IndexFiles(const std::filesystem::path& db,
                        const std::vector<std::filesystem::path>& files,
                        const BatchOptions& options);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_BATCH_H_
