#include "baoku/indexer/maintenance.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include "baoku/indexer/batch.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

std::filesystem::path IndexSamples(const testing::TempDir& dir) {
  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({testing::SamplesDir()}, errors);
  IndexFiles(dir / "db", files, {});
  return dir / "db";
}

TEST_CASE("CompactIndex keeps every document and id", "[indexer]") {
  testing::TempDir dir;
  auto db = IndexSamples(dir);
  Xapian::doccount before = Xapian::Database(db.string()).get_doccount();
  Xapian::Database reader(db.string());  // Open across the compaction.
  CompactIndex(db);
  Xapian::Database after(db.string());
  CHECK(after.get_doccount() == before);
  CHECK(after.term_exists("Qyzrb-20260609-02-06"));
  CHECK(reader.get_doccount() == before);  // The old reader still works.
  CHECK_FALSE(std::filesystem::exists(db.string() + ".compacting"));
  CHECK_FALSE(std::filesystem::exists(db.string() + ".before-compact"));
  // The index takes writes again afterwards.
  IndexFiles(db, {testing::SamplesDir() / "2026-06-09" / "01.txt"}, {});
  CHECK(Xapian::Database(db.string()).get_doccount() == before);
}

TEST_CASE("CompactIndex refuses while an indexer writes", "[indexer]") {
  testing::TempDir dir;
  auto db = IndexSamples(dir);
  Xapian::WritableDatabase writer(db.string(), Xapian::DB_OPEN);
  CHECK_THROWS_AS(CompactIndex(db), Xapian::DatabaseLockError);
  CHECK(Xapian::Database(db.string()).get_doccount() > 0);
}

TEST_CASE("ReadIndexStats counts years, kinds and reporters", "[indexer]") {
  testing::TempDir dir;
  auto db = IndexSamples(dir);
  IndexStats stats = ReadIndexStats(db, 3);
  CHECK(stats.articles == Xapian::Database(db.string()).get_doccount());
  REQUIRE(stats.per_year.size() == 1);
  CHECK(stats.per_year[0].first == "2026");
  CHECK(stats.per_year[0].second == stats.articles);
  CHECK(stats.reporters.size() == 3);
  CHECK(stats.reporters[0].second >= stats.reporters[1].second);
  CHECK(stats.first_date == "20260609");
  CHECK(stats.last_date == "20260617");
  CHECK(stats.bytes_on_disk > 0);
  uint64_t kinds = 0;
  for (const auto& [kind, n] : stats.kinds) kinds += n;
  CHECK(kinds == stats.articles);
}

}  // namespace
}  // namespace baoku::indexer
