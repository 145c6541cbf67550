// Facet counts checked against counts made here from the stored records of
// every matching article.
#include "baoku/search/facets.h"

#include <catch2/catch.hpp>
#include <map>

#include "baoku/search/searcher.h"
#include "search_fixture.h"

namespace baoku::search {
namespace {

using Counts = std::map<std::string, uint64_t>;

Counts AsCounts(const std::vector<FacetValue>& values) {
  Counts counts;
  for (const auto& v : values) counts[v.value] = v.count;
  return counts;
}

struct Expected {
  Counts reporters, columns, pages, kinds, days, topics;
};

Expected CountRecords(const std::vector<corpus::Article>& articles) {
  Expected e;
  for (const auto& a : articles) {
    for (const auto& r : a.reporters) ++e.reporters[r];
    if (!a.column.empty()) ++e.columns[a.column];
    ++e.pages[std::to_string(a.page)];
    ++e.kinds[std::string(corpus::KindName(a.kind))];
    ++e.days[a.date.ToIso()];
    for (const auto& t : a.topics) ++e.topics[t.id];
  }
  return e;
}

std::vector<corpus::Article> AllMatches(Searcher& searcher,
                                        SearchRequest request) {
  std::vector<corpus::Article> articles;
  request.limit = kMaxLimit;
  request.with_facets = false;
  request.with_snippets = false;
  for (request.offset = 0;; request.offset += kMaxLimit) {
    auto response = searcher.Search(request);
    REQUIRE_FALSE(response.error);
    for (auto& hit : response.hits) articles.push_back(hit.article);
    if (response.hits.size() < static_cast<size_t>(kMaxLimit)) break;
  }
  return articles;
}

TEST_CASE("Facet counts are exact over the whole match set", "[facets]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  auto method = GENERATE(FacetMethod::kValues, FacetMethod::kPostings,
                         FacetMethod::kAuto);
  for (const char* query : {"", "云州", "记者:韩雪", "日期:2026-06-11",
                            "市民 OR 居民", "版:1 -类型:photo"}) {
    INFO("query: " << query << ", method " << static_cast<int>(method));
    SearchRequest request;
    request.query = query;
    request.with_facets = true;
    request.facet_method = method;
    request.facet_limit = kMaxFacetValues;
    request.limit = 3;
    SearchResponse response = searcher.Search(request);
    REQUIRE_FALSE(response.error);
    REQUIRE(response.facets);
    auto matches = AllMatches(searcher, request);
    REQUIRE(matches.size() == response.total);
    REQUIRE_FALSE(matches.empty());
    Expected e = CountRecords(matches);
    const Facets& f = *response.facets;
    CHECK(AsCounts(f.Of("reporters")) == e.reporters);
    CHECK(AsCounts(f.Of("columns")) == e.columns);
    CHECK(AsCounts(f.Of("pages")) == e.pages);
    CHECK(AsCounts(f.Of("kinds")) == e.kinds);
    CHECK(AsCounts(f.Of("topics")) == e.topics);

    // The histogram: days within one month, else months or years.
    Counts buckets;
    size_t key_size = f.date_granularity == "day"     ? 10
                      : f.date_granularity == "month" ? 7
                                                      : 4;
    for (const auto& [day, count] : e.days) {
      buckets[day.substr(0, key_size)] += count;
    }
    Counts got;
    for (const auto& b : f.dates) got[b.key] = b.count;
    CHECK(got == buckets);
    CHECK(f.date_granularity == "day");  // The samples span one month.
    CHECK(f.exact);
    CHECK(f.counted == response.total);
  }
}

// Regression: with facets the hits are ranked without checking every match
// (the facet pass does), so the total must come from the facet pass; the
// ranking pass alone estimates, and for one hit of a common character the
// estimate is off.
TEST_CASE("With facets, the total is still exact", "[facets]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  for (const char* query : {"的", "发展", "记者 表示", "市 -的", "年 OR 月"}) {
    INFO("query: " << query);
    SearchRequest request;
    request.query = query;
    request.with_facets = true;
    request.limit = 1;
    for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewest}) {
      request.sort = sort;
      SearchResponse response = searcher.Search(request);
      REQUIRE_FALSE(response.error);
      CHECK(response.total == AllMatches(searcher, request).size());
      request.with_facets = false;
      CHECK(searcher.Search(request).total == response.total);
      request.with_facets = true;
    }
  }
}

TEST_CASE("Facet lists are ordered and capped", "[facets]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  SearchRequest request;
  request.with_facets = true;
  request.facet_limit = 3;
  SearchResponse response = searcher.Search(request);
  REQUIRE(response.facets);
  const auto& reporters = response.facets->Of("reporters");
  REQUIRE(reporters.size() == 3);
  CHECK(reporters[0].count >= reporters[1].count);
  CHECK(reporters[1].count >= reporters[2].count);
  const auto& pages = response.facets->Of("pages");
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].value == "1");
  CHECK(pages[0].label == "第1版");
  for (const auto& kind : response.facets->Of("kinds")) {
    CHECK(kind.label == KindLabel(kind.value));
    CHECK(kind.label != kind.value);
  }
  request.facet_limit = 0;
  CHECK(searcher.Search(request).error->parameter == "facet_limit");
  request.facet_limit = kMaxFacetValues + 1;
  CHECK(searcher.Search(request).error->parameter == "facet_limit");
}

TEST_CASE("every_facet_value lists every value, facet_limit aside",
          "[facets]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  Expected e = CountRecords(testing::SampleArticles());
  REQUIRE(e.reporters.size() > 3);
  SearchRequest request;
  request.with_facets = true;
  request.facet_limit = 3;
  request.every_facet_value = true;
  SearchResponse response = searcher.Search(request);
  REQUIRE(response.facets);
  CHECK(AsCounts(response.facets->Of("reporters")) == e.reporters);
  CHECK(AsCounts(response.facets->Of("columns")) == e.columns);
  CHECK(AsCounts(response.facets->Of("pages")) == e.pages);
}

TEST_CASE("Without facets asked for, none are counted", "[facets]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  SearchRequest request;
  request.query = "云州";
  CHECK_FALSE(searcher.Search(request).facets);
}

}  // namespace
}  // namespace baoku::search
