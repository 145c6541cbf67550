// Index maintenance: compaction of a read-only archive and statistics.
#ifndef BAOKU_INDEXER_MAINTENANCE_H_
#define BAOKU_INDEXER_MAINTENANCE_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace baoku::indexer {

// Compacts the index at `db` in place: writes a compacted copy beside it and
// swaps it in with renames, so a reader that has the old files open keeps
// working and a new reader opens the compacted one. Document ids are kept.
// Throws Xapian::Error (e.g. when a writer holds the lock) or
// std::filesystem::filesystem_error; the original is untouched then.
void CompactIndex(const std::filesystem::path& db);

// Puts the index (or sharded index) directory `replacement` in the place of
// `db` with renames, the same way; `db` need not exist. Throws
// std::filesystem::filesystem_error.
void ReplaceIndex(const std::filesystem::path& db,
                  const std::filesystem::path& replacement);

struct IndexStats {
  uint64_t articles = 0;
  uint64_t bytes_on_disk = 0;
  std::vector<std::pair<std::string, uint64_t>> per_year;   // Sorted by year.
  std::vector<std::pair<std::string, uint64_t>> reporters;  // Most first.
  std::vector<std::pair<std::string, uint64_t>> kinds;
  std::string first_date, last_date;
  // As stored (schema.h); empty for an index from before they were.
  std::string schema_version, analyzer_version;
};

// Reads the statistics of the index at `db`; at most `top_reporters` names.
IndexStats ReadIndexStats(const std::filesystem::path& db,
                          size_t top_reporters = 20);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_MAINTENANCE_H_
