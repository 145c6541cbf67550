#include <catch2/catch.hpp>
#include <set>

#include "baoku/search/result_json.h"
#include "baoku/search/searcher.h"
#include "baoku/search/topic_names.h"
#include "reprint_index.h"
#include "test_support.h"

namespace baoku::search {
namespace {

SearchRequest Query(const std::string& query) {
  SearchRequest request;
  request.query = query;
  return request;
}

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

TEST_CASE("同组: lists a hit's reprint group, and only it",
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
  request.query = "河道";
  request.collapse_reprints = true;
  SearchResponse collapsed = searcher.Search(request);
  REQUIRE_FALSE(collapsed.error);
  std::string group;
  for (const Hit& hit : collapsed.hits) {
    CHECK_FALSE(hit.reprint_group.empty());
    CHECK(HitToJson(hit, TopicNames())["group"] == hit.reprint_group);
    if (hit.similar_count == 1) group = hit.reprint_group;
  }
  REQUIRE(group == a.report.id);  // Named by the article that started it.

  // The note's link: the group's articles, in the query language and as
  // the structured filter, with no other words.
  SearchRequest by_filter;
  by_filter.filters = {{"group", group}};
  for (const SearchRequest& asked :
       {Query("同组:" + group), Query("reprints:" + group), by_filter}) {
    INFO(asked.query);
    SearchResponse members = searcher.Search(asked);
    REQUIRE_FALSE(members.error);
    std::set<std::string> ids;
    for (const Hit& hit : members.hits) ids.insert(hit.article.id);
    CHECK(ids == std::set<std::string>{a.report.id, a.reprint.id});
  }
  // The unrelated story is a group of its own.
  SearchResponse other = searcher.Search(Query("group:" + a.other.id));
  REQUIRE(other.hits.size() == 1);
  CHECK(other.hits[0].article.id == a.other.id);
  CHECK(searcher.Search(Query("同组:没有这一组")).total == 0);
}

}  // namespace
}  // namespace baoku::search
