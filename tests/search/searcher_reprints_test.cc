#include <catch2/catch.hpp>

#include "baoku/search/result_json.h"
#include "baoku/search/searcher.h"
#include "baoku/search/topic_names.h"
#include "reprint_index.h"
#include "test_support.h"

namespace baoku::search {
namespace {

TEST_CASE(
    "Collapsed, a reprint pair is one hit with similar_count 1 and an "
    "unrelated story stays apart",
    "[search][reprints]") {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  testing::ReprintArticles a;
  {
    indexer::IndexWriter writer(dir / "db");
    a = testing::WriteReprintIndex(writer, analyzer);
  }
  Searcher searcher(dir / "db", analyzer);
  SearchRequest request;
  request.query = "河道";  // In all three.
  request.with_facets = true;

  SearchResponse apart = searcher.Search(request);
  REQUIRE_FALSE(apart.error);
  CHECK(apart.total == 3);
  CHECK(apart.hits.size() == 3);
  for (const Hit& hit : apart.hits) CHECK(hit.similar_count == 0);

  request.collapse_reprints = true;
  SearchResponse collapsed = searcher.Search(request);
  REQUIRE_FALSE(collapsed.error);
  CHECK(collapsed.total == 2);
  REQUIRE(collapsed.hits.size() == 2);
  int reprint_hits = 0;
  for (const Hit& hit : collapsed.hits) {
    if (hit.article.id == a.other.id) {
      CHECK(hit.similar_count == 0);
    } else {
      ++reprint_hits;
      CHECK((hit.article.id == a.report.id || hit.article.id == a.reprint.id));
      CHECK(hit.similar_count == 1);
      CHECK(HitToJson(hit, TopicNames())["similar_count"] == 1);
    }
  }
  CHECK(reprint_hits == 1);
}

}  // namespace
}  // namespace baoku::search
