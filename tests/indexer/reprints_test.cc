#include "baoku/indexer/reprints.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/schema.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "reprint_fixtures.h"
#include "reprint_index.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

std::string GroupOf(const Xapian::Database& db, const std::string& id) {
  auto it = db.postlist_begin("Q" + id);
  REQUIRE(it != db.postlist_end("Q" + id));
  return db.get_document(*it).get_value(corpus::kReprintGroupSlot);
}

TEST_CASE(
    "A reprint joins the group of the story it reprints, another "
    "story on the same topic does not",
    "[indexer][reprints]") {
  REQUIRE(std::string(corpus::schema::kId) == "Q");
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  testing::ReprintArticles a;
  {
    IndexWriter writer(dir / "db");
    a = testing::WriteReprintIndex(writer, analyzer);
    // Re-indexing the original keeps its group (it does not join itself).
    writer.ReplacePages({PageKey(a.report)}, {a.report}, analyzer);
  }
  Xapian::Database db((dir / "db").string());
  CHECK(GroupOf(db, a.report.id) == a.report.id);
  CHECK(GroupOf(db, a.reprint.id) == a.report.id);
  CHECK(GroupOf(db, a.other.id) == a.other.id);
}

TEST_CASE("A body too short for a signature is never grouped",
          "[indexer][reprints]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  const auto a =
      testing::ReprintArticle(11, 2, "更正：昨日本版一文中的日期有误。");
  const auto b =
      testing::ReprintArticle(12, 2, "更正：昨日本版一文中的日期有误。");
  {
    IndexWriter writer(dir / "db");
    writer.ReplacePages({PageKey(a)}, {a}, analyzer);
    writer.ReplacePages({PageKey(b)}, {b}, analyzer);
  }
  Xapian::Database db((dir / "db").string());
  CHECK(GroupOf(db, a.id).empty());
  CHECK(GroupOf(db, b.id).empty());
}

TEST_CASE(
    "The bands are no terms: an index holds only the signature and the "
    "group",
    "[indexer][reprints][version]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  testing::ReprintArticles a;
  {
    IndexWriter writer(dir / "db");
    a = testing::WriteReprintIndex(writer, analyzer);
  }
  Xapian::Database db((dir / "db").string());
  const std::string band_prefix(corpus::kReprintBandPrefix);
  CHECK(db.allterms_begin(band_prefix) == db.allterms_end(band_prefix));
  auto it = db.postlist_begin("Q" + a.reprint.id);
  REQUIRE(it != db.postlist_end("Q" + a.reprint.id));
  const Xapian::Document doc = db.get_document(*it);
  CHECK(corpus::DecodeSignature(doc.get_value(corpus::kReprintSignatureSlot)));
  CHECK(doc.get_value(corpus::kReprintGroupSlot) == a.report.id);
  CHECK(corpus::schema::kSchemaVersion == 5);  // Bumped when the bands went.
}

TEST_CASE(
    "A reprint joins its original written earlier in the same batch or "
    "the same group, and never a deleted article",
    "[indexer][reprints]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  testing::ReprintArticles a;
  // The reprint after its original in one batch.
  {
    IndexWriter writer(dir / "batch");
    writer.ReplacePages({PageKey(a.report), PageKey(a.reprint)},
                        {a.report, a.reprint}, analyzer);
  }
  {
    Xapian::Database db((dir / "batch").string());
    CHECK(GroupOf(db, a.report.id) == a.report.id);
    CHECK(GroupOf(db, a.reprint.id) == a.report.id);
  }
  // Two batches of one uncommitted group: the second reads the first.
  {
    IndexWriter writer(dir / "group");
    writer.BeginGroup();
    writer.ReplacePages({PageKey(a.report)}, {a.report}, analyzer);
    writer.ReplacePages({PageKey(a.reprint)}, {a.reprint}, analyzer);
    writer.CommitGroup();
  }
  {
    Xapian::Database db((dir / "group").string());
    CHECK(GroupOf(db, a.reprint.id) == a.report.id);
  }
  // The original's page now holds another story: the report is deleted,
  // and a reprint indexed with that change starts its own group.
  {
    IndexWriter writer(dir / "deleted");
    writer.ReplacePages({PageKey(a.report)}, {a.report}, analyzer);
    corpus::Article replacement =
        testing::ReprintArticle(11, 2, testing::kOtherRiverStory);
    replacement.ordinal = 2;
    replacement.id = corpus::MakeArticleId(
        replacement.paper_code, replacement.date, replacement.page, 2);
    REQUIRE(PageKey(replacement) == PageKey(a.report));
    writer.ReplacePages({PageKey(a.report), PageKey(a.reprint)},
                        {replacement, a.reprint}, analyzer);
  }
  Xapian::Database db((dir / "deleted").string());
  CHECK(!db.term_exists("Q" + a.report.id));
  CHECK(GroupOf(db, a.reprint.id) == a.reprint.id);
}

}  // namespace
}  // namespace baoku::indexer
