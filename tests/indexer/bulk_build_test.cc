// The bulk build (bulk_build.h) through IndexFiles: a new index written on
// two workers and merged must hold what the one-writer path writes.
#include "bulk_build.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/near_duplicate.h"
#include "baoku/indexer/batch.h"
#include "reprint_fixtures.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

// Every term with its document frequency, and every metadata entry.
std::map<std::string, std::string> Contents(const std::filesystem::path& db) {
  Xapian::Database d(db.string());
  std::map<std::string, std::string> out;
  for (auto t = d.allterms_begin(); t != d.allterms_end(); ++t) {
    out["term " + *t] = std::to_string(t.get_termfreq());
  }
  for (auto k = d.metadata_keys_begin(); k != d.metadata_keys_end(); ++k) {
    out["meta " + *k] = d.get_metadata(*k);
  }
  out["doccount"] = std::to_string(d.get_doccount());
  // The reprint group of every article (the group slot, by id).
  for (auto t = d.allterms_begin("Q"); t != d.allterms_end("Q"); ++t) {
    out["group " + *t] = d.get_document(*d.postlist_begin(*t))
                             .get_value(corpus::kReprintGroupSlot);
  }
  return out;
}

// The report, the other story and a reprint of the report on each of
// `days` later days, as one NDJSON export: several issues, so that the
// workers of a bulk build write different ones.
std::filesystem::path WriteReprintExport(const testing::TempDir& dir,
                                         int days) {
  std::string lines;
  for (const auto& a :
       {testing::ReprintArticle(11, 2, testing::kReport),
        testing::ReprintArticle(11, 3, testing::kOtherRiverStory)}) {
    lines += corpus::ArticleToJson(a).dump() + "\n";
  }
  for (int day = 12; day < 12 + days; ++day) {
    lines += corpus::ArticleToJson(
                 testing::ReprintArticle(day, 5, testing::kAbridgedReprint))
                 .dump() +
             "\n";
  }
  testing::WriteFile(dir / "reprints.ndjson", lines);
  return dir / "reprints.ndjson";
}

TEST_CASE("A bulk build on two workers equals the one-writer build", "[bulk]") {
  testing::TempDir dir;
  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({testing::SamplesDir()}, errors);
  REQUIRE(errors.empty());
  BatchOptions one;
  one.threads = 1;
  BatchOptions two;
  two.threads = 2;
  REQUIRE(BulkBuild::Applies(dir / "bulk", false));
  BatchSummary bulk = IndexFiles(dir / "bulk", files, two);
  BatchSummary serial = IndexFiles(dir / "serial", files, one);
  CHECK(bulk.added == serial.added);
  CHECK(bulk.added > 100);
  CHECK(Contents(dir / "bulk") == Contents(dir / "serial"));
  CHECK_FALSE(std::filesystem::exists(dir / "bulk.bulk"));

  // The merged index is an ordinary one: a second run takes the
  // incremental path and finds every page unchanged.
  CHECK_FALSE(BulkBuild::Applies(dir / "bulk", false));
  BatchSummary again = IndexFiles(dir / "bulk", files, two);
  CHECK(again.added == 0);
  CHECK(again.unchanged == bulk.added);
}

TEST_CASE(
    "A bulk build groups a reprint with its original whichever worker "
    "wrote each",
    "[bulk][reprints]") {
  testing::TempDir dir;
  const auto file = WriteReprintExport(dir, 6);
  BatchOptions one;
  one.threads = 1;
  BatchOptions two;
  two.threads = 2;
  BatchSummary bulk = IndexFiles(dir / "bulk", {file}, two);
  BatchSummary serial = IndexFiles(dir / "serial", {file}, one);
  REQUIRE(bulk.added == 8);
  CHECK(bulk.issues == 7);
  CHECK(Contents(dir / "bulk") == Contents(dir / "serial"));
  const std::string report =
      "group Q" + testing::ReprintArticle(11, 2, testing::kReport).id;
  auto contents = Contents(dir / "bulk");
  const std::string report_id = contents.at(report);
  size_t grouped = 0;
  for (const auto& [key, group] : contents) {
    if (key.rfind("group ", 0) == 0) grouped += group == report_id;
  }
  CHECK(grouped == 7);  // The report and its six reprints.
  // The two workers both wrote: the time of the loops was measured.
  CHECK(bulk.threads == 2);
  CHECK(bulk.parallel_seconds > 0);
  CHECK(bulk.parallel_cpu_seconds > 0);
  CHECK(bulk.cpu_seconds >= bulk.parallel_cpu_seconds);
}

TEST_CASE("Only a new unsharded index is built in bulk", "[bulk]") {
  testing::TempDir dir;
  CHECK(BulkBuild::Applies(dir / "new", false));
  std::filesystem::create_directories(dir / "empty");
  CHECK(BulkBuild::Applies(dir / "empty", false));
  CHECK_FALSE(BulkBuild::Applies(dir / "new", true));
  std::filesystem::create_directories(dir / "used");
  { std::ofstream(dir / "used" / "iamglass") << "x"; }
  CHECK_FALSE(BulkBuild::Applies(dir / "used", false));
}

}  // namespace
}  // namespace baoku::indexer
