#include "bulk_build.h"

#include <xapian.h>

#include <functional>
#include <system_error>

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

int BulkBuild::WorkerOf(const std::string& issue_key) const {
  return static_cast<int>(std::hash<std::string>{}(issue_key) %
                          writers_.size());
}

void BulkBuild::Checkpoint() {
  for (auto& writer : writers_) {
    writer->CommitGroup();
    writer->BeginGroup();
  }
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
