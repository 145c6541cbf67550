// The bulk build (bulk_build.h) through IndexFiles: a new index written on
// two workers and merged must hold what the one-writer path writes.
#include "bulk_build.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "baoku/indexer/batch.h"
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
  return out;
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
