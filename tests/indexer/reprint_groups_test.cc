// Reprint groups in memory (reprint_groups.h) against the rule they copy,
// AssignReprintGroups on a database (reprints.h).
#include "reprint_groups.h"

#include <catch2/catch.hpp>
#include <string>

#include "baoku/corpus/near_duplicate.h"
#include "baoku/indexer/document_builder.h"
#include "reprint_fixtures.h"
#include "reprint_index.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

corpus::MinHashSignature SignatureOf(std::string_view text) {
  auto signature = corpus::ComputeMinHash(text);
  REQUIRE(signature);
  return *signature;
}

TEST_CASE("Reprints are grouped in memory as against the index",
          "[indexer][reprints]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  testing::ReprintArticles a;
  {
    IndexWriter writer(dir / "db");
    testing::WriteReprintIndex(writer, analyzer);
  }
  Xapian::Database db((dir / "db").string());
  ReprintGroups groups;
  // The order WriteReprintIndex writes them in.
  for (const auto* article : {&a.report, &a.other, &a.reprint}) {
    Xapian::Document doc = BuildDocument(*article, analyzer);
    groups.AssignTo(article->id, doc);
    auto it = db.postlist_begin("Q" + article->id);
    REQUIRE(it != db.postlist_end("Q" + article->id));
    CHECK(doc.get_value(corpus::kReprintGroupSlot) ==
          db.get_document(*it).get_value(corpus::kReprintGroupSlot));
  }
  CHECK(groups.size() == 3);
}

TEST_CASE(
    "An article assigned again does not join itself, and its old text no "
    "longer gathers reprints",
    "[indexer][reprints]") {
  ReprintGroups groups;
  const auto report = SignatureOf(testing::kReport);
  const auto reprint = SignatureOf(testing::kAbridgedReprint);
  const auto other = SignatureOf(testing::kOtherRiverStory);
  CHECK(groups.Assign("a", report) == "a");
  CHECK(groups.Assign("a", report) == "a");  // Not into a group of its own.
  CHECK(groups.Assign("b", reprint) == "a");
  // "x" printed the report, then was corrected to the other story: a
  // later copy of the report does not join "x" through its old text.
  CHECK(groups.Assign("x", other) == "x");
  ReprintGroups fresh;
  CHECK(fresh.Assign("x", report) == "x");
  CHECK(fresh.Assign("x", other) == "x");
  CHECK(fresh.Assign("y", reprint) == "y");
  CHECK(fresh.Assign("z", other) == "x");
  CHECK(fresh.size() == 3);
  CHECK(groups.size() == 3);

  Xapian::Document unsigned_doc;
  groups.AssignTo("e", unsigned_doc);
  CHECK(unsigned_doc.get_value(corpus::kReprintGroupSlot).empty());
}

}  // namespace
}  // namespace baoku::indexer
