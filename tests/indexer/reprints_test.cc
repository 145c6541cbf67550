#include "baoku/indexer/reprints.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/schema.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "reprint_fixtures.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

corpus::Article MakeArticle(int day, int page, std::string_view text) {
  corpus::Article a;
  a.paper_code = "yzrb";
  a.date = corpus::Date{2026, 6, day};
  a.page = page;
  a.ordinal = 1;
  a.id = corpus::MakeArticleId(a.paper_code, a.date, page, 1);
  a.headline = "清溪河";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    a.paragraphs.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return a;
}

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
  const auto report = MakeArticle(11, 2, testing::kReport);
  const auto other = MakeArticle(11, 3, testing::kOtherRiverStory);
  const auto reprint = MakeArticle(18, 5, testing::kAbridgedReprint);
  {
    IndexWriter writer(dir / "db");
    writer.ReplacePages({PageKey(report), PageKey(other)}, {report, other},
                        analyzer);
    // A later issue, written separately: the reprint is found in the index.
    writer.ReplacePages({PageKey(reprint)}, {reprint}, analyzer);
    // Re-indexing the original keeps its group (it does not join itself).
    writer.ReplacePages({PageKey(report)}, {report}, analyzer);
  }
  Xapian::Database db((dir / "db").string());
  CHECK(GroupOf(db, report.id) == report.id);
  CHECK(GroupOf(db, reprint.id) == report.id);
  CHECK(GroupOf(db, other.id) == other.id);
}

TEST_CASE("A body too short for a signature is never grouped",
          "[indexer][reprints]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  const auto a = MakeArticle(11, 2, "更正：昨日本版一文中的日期有误。");
  const auto b = MakeArticle(12, 2, "更正：昨日本版一文中的日期有误。");
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
