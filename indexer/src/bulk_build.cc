#include "bulk_build.h"

#include <xapian.h>

#include <algorithm>
#include <system_error>

#include "baoku/indexer/document_builder.h"
#include "page_state.h"

namespace baoku::indexer {
namespace fs = std::filesystem;

bool BulkBuild::Applies(const fs::path& db, bool sharded) {
  std::error_code ec;
  if (sharded) return false;
  if (!fs::exists(db, ec)) return !ec;
  return fs::is_directory(db, ec) && fs::is_empty(db, ec) && !ec;
}

BulkBuild::BulkBuild(fs::path db, int workers) : db_(std::move(db)) {
  work_ = db_;
  work_ += ".bulk";
  fs::remove_all(work_);
  fs::create_directories(work_);
  for (int w = 0; w < std::max(1, workers); ++w) {
    writers_.push_back(
        std::make_unique<IndexWriter>(work_ / ("w" + std::to_string(w))));
    // One transaction per sub-database until Finish(): nothing is visible
    // before the merge anyway, and fewer commits are much cheaper.
    writers_.back()->BeginGroup();
  }
}

BulkBuild::~BulkBuild() {
  writers_.clear();
  std::error_code ec;
  fs::remove_all(work_, ec);
}

ReplaceStats BulkBuild::Write(const std::vector<Page>& pages,
                              const corpus::TextAnalyzer& analyzer,
                              const corpus::Lexicon& lexicon, WorkPool& pool) {
  // The pages each worker writes: pinned pages where they went before,
  // then the largest first to the worker with the fewest articles (so the
  // workers finish the write step together).
  std::vector<int> worker(pages.size(), -1);
  std::vector<size_t> load(writers_.size(), 0);
  std::vector<size_t> unpinned;
  for (size_t p = 0; p < pages.size(); ++p) {
    auto pinned = worker_of_page_.find(pages[p].key);
    if (pinned == worker_of_page_.end()) {
      unpinned.push_back(p);
      continue;
    }
    worker[p] = pinned->second;
    load[worker[p]] += pages[p].articles.size();
  }
  std::stable_sort(unpinned.begin(), unpinned.end(), [&](size_t a, size_t b) {
    return pages[a].articles.size() > pages[b].articles.size();
  });
  for (size_t p : unpinned) {
    worker[p] = static_cast<int>(std::min_element(load.begin(), load.end()) -
                                 load.begin());
    load[worker[p]] += pages[p].articles.size();
    worker_of_page_.emplace(pages[p].key, worker[p]);
  }

  // 1. Every document, on every thread: the analysis is most of the work
  // outside Xapian.
  std::vector<const corpus::Article*> articles;
  for (const auto& page : pages) {
    articles.insert(articles.end(), page.articles.begin(), page.articles.end());
  }
  std::vector<Xapian::Document> docs(articles.size());
  pool.ParallelFor(articles.size(), [&](size_t i) {
    docs[i] = BuildDocument(*articles[i], analyzer, &lexicon);
  });
  // 2. Reprint groups in write order, on this thread (they depend on the
  // order).
  for (size_t i = 0; i < articles.size(); ++i) {
    groups_.AssignTo(articles[i]->id, docs[i]);
  }
  // 3. Each worker its pages, into its own sub-database, with their
  // fingerprints (from the records just built, not serialized again).
  struct Part {
    std::vector<std::string> page_keys;
    std::vector<std::string> ids;
    std::vector<Xapian::Document> docs;
    std::map<std::string, std::string> fingerprints;
  };
  std::vector<Part> parts(writers_.size());
  for (size_t p = 0, i = 0; p < pages.size(); ++p) {
    Part& part = parts[worker[p]];
    part.page_keys.push_back(pages[p].key);
    std::vector<std::string> records;
    for (const auto* a : pages[p].articles) {
      part.ids.push_back(a->id);
      part.docs.push_back(docs[i]);
      records.push_back(docs[i].get_data());
      ++i;
    }
    part.fingerprints[pages[p].key] =
        PageFingerprintOfRecords({records.begin(), records.end()});
  }
  docs.clear();
  std::vector<ReplaceStats> stats(writers_.size());
  pool.ParallelFor(writers_.size(), [&](size_t w) {
    if (parts[w].page_keys.empty()) return;
    stats[w] = writers_[w]->ReplacePages(parts[w].page_keys, parts[w].ids,
                                         parts[w].docs, parts[w].fingerprints);
  });
  ReplaceStats total;
  for (const auto& s : stats) {
    total.added += s.added;
    total.replaced += s.replaced;
    total.removed += s.removed;
  }
  return total;
}

void BulkBuild::Checkpoint(WorkPool& pool) {
  pool.ParallelFor(writers_.size(), [&](size_t w) {
    writers_[w]->CommitGroup();
    writers_[w]->BeginGroup();
  });
}

void BulkBuild::Finish() {
  Xapian::Database all;
  for (auto& writer : writers_) writer->CommitGroup();
  for (size_t w = 0; w < writers_.size(); ++w) {
    writers_[w].reset();  // Releases the write lock.
    all.add_database(
        Xapian::Database((work_ / ("w" + std::to_string(w))).string()));
  }
  fs::path merged = work_ / "merged";
  all.compact(merged.string());
  std::error_code ec;
  fs::remove(db_, ec);  // An empty directory, if one was there.
  fs::rename(merged, db_);
}

}  // namespace baoku::indexer
