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

}  // namespace
}  // namespace baoku::indexer
