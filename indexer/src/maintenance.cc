#include "baoku/indexer/maintenance.h"

#include <xapian.h>

#include <algorithm>

#include "baoku/corpus/schema.h"

namespace baoku::indexer {
namespace fs = std::filesystem;
namespace schema = corpus::schema;

void CompactIndex(const fs::path& db) {
  fs::path tmp = db.string() + ".compacting";
  fs::remove_all(tmp);
  {
    // Holding the write lock keeps an indexer out while we copy.
    Xapian::WritableDatabase lock(db.string(), Xapian::DB_OPEN);
    Xapian::Database source(db.string());
    source.compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  }
  // Check the copy before it replaces the original.
  if (Xapian::Database(tmp.string()).get_doccount() !=
      Xapian::Database(db.string()).get_doccount()) {
    fs::remove_all(tmp);
    throw std::runtime_error("compacted copy of " + db.string() +
                             " lost documents; original kept");
  }
  ReplaceIndex(db, tmp);
}

void ReplaceIndex(const fs::path& db, const fs::path& replacement) {
  fs::path old = db.string() + ".replaced";
  fs::remove_all(old);
  if (fs::exists(db)) fs::rename(db, old);
  fs::rename(replacement, db);
  fs::remove_all(old);
}

namespace {

std::vector<std::pair<std::string, uint64_t>> TermCounts(
    const Xapian::Database& db, std::string_view prefix) {
  std::vector<std::pair<std::string, uint64_t>> out;
  std::string p(prefix);
  for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) {
    out.emplace_back((*t).substr(p.size()), t.get_termfreq());
  }
  return out;
}

}  // namespace

IndexStats ReadIndexStats(const fs::path& path, size_t top_reporters) {
  Xapian::Database db(path.string());
  IndexStats stats;
  stats.articles = db.get_doccount();
  stats.schema_version =
      db.get_metadata(std::string(schema::kSchemaVersionMetadataKey));
  stats.analyzer_version =
      db.get_metadata(std::string(schema::kAnalyzerVersionMetadataKey));
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) stats.bytes_on_disk += entry.file_size();
  }
  stats.per_year = TermCounts(db, schema::kYear);
  stats.kinds = TermCounts(db, schema::kKind);
  stats.reporters = TermCounts(db, schema::kReporter);
  std::stable_sort(
      stats.reporters.begin(), stats.reporters.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  if (stats.reporters.size() > top_reporters) {
    stats.reporters.resize(top_reporters);
  }
  auto days = TermCounts(db, schema::kDay);
  if (!days.empty()) {
    stats.first_date = days.front().first;
    stats.last_date = days.back().first;
  }
  return stats;
}

}  // namespace baoku::indexer
