// Every field of the query language and every structured filter, checked
// against the stored records of the sample archive: the expected set of
// articles is computed here from the records, not from the index terms.
#include <catch2/catch.hpp>
#include <functional>
#include <set>

#include "baoku/corpus/source.h"
#include "baoku/corpus/utf8.h"
#include "baoku/search/searcher.h"
#include "search_fixture.h"

namespace baoku::search {
namespace {

namespace utf8 = corpus::utf8;
using Ids = std::set<std::string>;
using Predicate = std::function<bool(const corpus::Article&)>;

Searcher SamplesSearcher() {
  return Searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
}

// Every id the request matches, paging through the results.
Ids AllIds(Searcher& searcher, SearchRequest request) {
  Ids ids;
  request.limit = kMaxLimit;
  request.with_snippets = false;
  for (request.offset = 0;; request.offset += kMaxLimit) {
    SearchResponse response = searcher.Search(request);
    REQUIRE_FALSE(response.error);
    for (const auto& hit : response.hits) ids.insert(hit.article.id);
    if (response.hits.size() < static_cast<size_t>(kMaxLimit)) {
      CHECK(response.total == ids.size());
      break;
    }
  }
  return ids;
}

Ids QueryIds(Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  return AllIds(searcher, request);
}

Ids FilterIds(Searcher& searcher, std::vector<FieldFilter> filters) {
  SearchRequest request;
  request.filters = std::move(filters);
  return AllIds(searcher, request);
}

Ids Expected(const Predicate& keep) {
  Ids ids;
  for (const auto& a : testing::SampleArticles()) {
    if (keep(a)) ids.insert(a.id);
  }
  return ids;
}

bool Has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename Get>
std::set<std::string> Distinct(Get get) {
  std::set<std::string> values;
  for (const auto& a : testing::SampleArticles()) {
    for (const auto& v : get(a)) {
      if (!v.empty()) values.insert(v);
    }
  }
  return values;
}

TEST_CASE("The sample archive is big enough to test filters on", "[filters]") {
  REQUIRE(testing::SampleArticles().size() >= 150);
  CHECK(Distinct([](auto& a) { return a.reporters; }).size() >= 8);
  CHECK(Distinct([](auto& a) { return a.photographers; }).size() >= 2);
  CHECK(Distinct([](auto& a) { return std::vector{a.column}; }).size() >= 2);
}

TEST_CASE("Each reporter, photographer, column and source filters exactly",
          "[filters]") {
  Searcher searcher = SamplesSearcher();
  for (const auto& name : Distinct([](auto& a) { return a.reporters; })) {
    INFO("reporter " << name);
    Ids expected = Expected([&](auto& a) { return Has(a.reporters, name); });
    CHECK(QueryIds(searcher, "记者:" + name) == expected);
    CHECK(QueryIds(searcher, "reporter:" + name) == expected);
    CHECK(FilterIds(searcher, {{"reporter", name}}) == expected);
  }
  for (const auto& name : Distinct([](auto& a) { return a.photographers; })) {
    INFO("photographer " << name);
    CHECK(QueryIds(searcher, "摄影:" + name) ==
          Expected([&](auto& a) { return Has(a.photographers, name); }));
  }
  for (const auto& column :
       Distinct([](auto& a) { return std::vector{a.column}; })) {
    INFO("column " << column);
    Ids expected = Expected([&](auto& a) { return a.column == column; });
    CHECK(QueryIds(searcher, "栏目:\"" + column + "\"") == expected);
    CHECK(FilterIds(searcher, {{"column", column}}) == expected);
  }
  // 来源 holds the category (corpus/source.h), not the source as printed.
  for (const auto& source : Distinct(
           [](auto& a) { return std::vector{corpus::SourceCategory(a)}; })) {
    INFO("source " << source);
    CHECK(QueryIds(searcher, "来源:" + source) == Expected([&](auto& a) {
            return corpus::SourceCategory(a) == source;
          }));
  }
}

TEST_CASE("Names match in traditional and full-width forms", "[filters]") {
  Searcher searcher = SamplesSearcher();
  Ids simplified = QueryIds(searcher, "记者:韩雪");
  REQUIRE_FALSE(simplified.empty());
  CHECK(QueryIds(searcher, "記者:韓雪") == simplified);
  CHECK(QueryIds(searcher, "记者：韩雪") == simplified);
  CHECK(FilterIds(searcher, {{"reporter", "韓雪"}}) == simplified);
}

TEST_CASE("Page, kind and paper filters", "[filters]") {
  Searcher searcher = SamplesSearcher();
  for (int page = 1; page <= 3; ++page) {
    INFO("page " << page);
    Ids expected = Expected([&](auto& a) { return a.page == page; });
    REQUIRE_FALSE(expected.empty());
    std::string n = std::to_string(page);
    CHECK(QueryIds(searcher, "版:" + n) == expected);
    CHECK(QueryIds(searcher, "版:第" + n + "版") == expected);
    CHECK(QueryIds(searcher, "page:0" + n) == expected);
    CHECK(FilterIds(searcher, {{"page", n}}) == expected);
  }
  const std::pair<const char*, const char*> kinds[] = {
      {"news", "消息"},  {"qa", "问答"},         {"photo", "图片"},
      {"brief", "简讯"}, {"commentary", "评论"},
  };
  for (const auto& pair : kinds) {
    const std::string kind = pair.first, chinese = pair.second;
    INFO("kind " << kind);
    Ids expected =
        Expected([&](auto& a) { return corpus::KindName(a.kind) == kind; });
    CHECK(QueryIds(searcher, "类型:" + kind) == expected);
    CHECK(QueryIds(searcher, "kind:" + chinese) == expected);
  }
  Ids all = Expected([](auto&) { return true; });
  CHECK(QueryIds(searcher, "报纸:yzrb") == all);
  CHECK(QueryIds(searcher, "paper:云州日报") == all);
  CHECK(QueryIds(searcher, "报纸:其他日报").empty());
}

TEST_CASE("Every date form and range", "[filters]") {
  Searcher searcher = SamplesSearcher();
  struct Case {
    const char* value;
    const char* first;  // Inclusive, ISO.
    const char* last;
  };
  const Case cases[] = {
      {"2026-06-11", "2026-06-11", "2026-06-11"},
      {"2026/6/11", "2026-06-11", "2026-06-11"},
      {"2026年6月11日", "2026-06-11", "2026-06-11"},
      {"20260611", "2026-06-11", "2026-06-11"},
      {"2026-06", "2026-06-01", "2026-06-30"},
      {"2026年6月", "2026-06-01", "2026-06-30"},
      {"2026", "2026-01-01", "2026-12-31"},
      {"2025", "2025-01-01", "2025-12-31"},
      {"2026-06-10..2026-06-12", "2026-06-10", "2026-06-12"},
      {"2026-06-12..2026-06", "2026-06-12", "2026-06-30"},
      {"..2026-06-10", "0000-00-00", "2026-06-10"},
      {"2026-06-15..", "2026-06-15", "9999-99-99"},
      {"2026-06-15至2026-06-16", "2026-06-15", "2026-06-16"},
      {"２０２６－０６－１１", "2026-06-11", "2026-06-11"},
  };
  for (const auto& c : cases) {
    INFO("date " << c.value);
    Ids expected = Expected([&](auto& a) {
      std::string d = a.date.ToIso();
      return d >= c.first && d <= c.last;
    });
    CHECK(QueryIds(searcher, std::string("日期:") + c.value) == expected);
    CHECK(QueryIds(searcher, std::string("date:") + c.value) == expected);
    CHECK(FilterIds(searcher, {{"date", c.value}}) == expected);
  }
}

TEST_CASE("Title searches the title block only", "[filters]") {
  Searcher searcher = SamplesSearcher();
  int checked = 0;
  for (const auto& a : testing::SampleArticles()) {
    // The first two characters, when both are Chinese.
    size_t end = 0;
    char32_t first = utf8::Next(a.headline, end);
    char32_t second = end < a.headline.size() ? utf8::Next(a.headline, end) : 0;
    if (!utf8::IsHan(first) || !utf8::IsHan(second) || checked >= 10) continue;
    ++checked;
    std::string part = a.headline.substr(0, end);
    INFO("title " << part);
    Ids expected = Expected([&](auto& b) {
      for (const auto* line :
           {&b.column, &b.kicker, &b.headline, &b.subtitle}) {
        if (line->find(part) != std::string::npos) return true;
      }
      return false;
    });
    CHECK(QueryIds(searcher, "标题:" + part) == expected);
    CHECK(FilterIds(searcher, {{"title", part}}) == expected);
  }
  CHECK(checked == 10);
}

TEST_CASE("Boolean operators combine fields and words", "[filters]") {
  Searcher searcher = SamplesSearcher();
  Ids han = Expected([](auto& a) { return Has(a.reporters, "韩雪"); });
  Ids zhou = Expected([](auto& a) { return Has(a.reporters, "周静"); });
  Ids all = Expected([](auto&) { return true; });
  Ids either = han;
  either.insert(zhou.begin(), zhou.end());
  CHECK(QueryIds(searcher, "记者:韩雪 OR 记者:周静") == either);
  CHECK(FilterIds(searcher, {{"reporter", "韩雪"}, {"reporter", "周静"}}) ==
        either);
  Ids not_han;
  std::set_difference(all.begin(), all.end(), han.begin(), han.end(),
                      std::inserter(not_han, not_han.end()));
  CHECK(QueryIds(searcher, "-记者:韩雪") == not_han);
  CHECK(QueryIds(searcher, "-(记者:韩雪)") == not_han);

  Ids june11 = Expected([](auto& a) { return a.date.ToIso() == "2026-06-11"; });
  Ids both;
  std::set_intersection(han.begin(), han.end(), june11.begin(), june11.end(),
                        std::inserter(both, both.end()));
  CHECK(QueryIds(searcher, "记者:韩雪 日期:2026-06-11") == both);
  CHECK(FilterIds(searcher, {{"reporter", "韩雪"}, {"date", "2026-06-11"}}) ==
        both);
  SearchRequest mixed;
  mixed.query = "记者:韩雪";
  mixed.filters = {{"date", "2026-06-11"}};
  CHECK(AllIds(searcher, mixed) == both);

  // A word and its exclusion: every hit has the word, none the other.
  Ids with = QueryIds(searcher, "云州");
  Ids without = QueryIds(searcher, "云州 -记者:韩雪");
  for (const auto& id : without) CHECK((with.count(id) && !han.count(id)));
  CHECK(without.size() + [&] {
    size_t n = 0;
    for (const auto& id : with) n += han.count(id);
    return n;
  }() == with.size());
}

TEST_CASE("An empty query lists the whole archive, newest first", "[filters]") {
  Searcher searcher = SamplesSearcher();
  SearchRequest request;
  request.limit = 5;
  SearchResponse response = searcher.Search(request);
  REQUIRE_FALSE(response.error);
  CHECK(response.total == testing::SampleArticles().size());
  REQUIRE(response.hits.size() == 5);
  CHECK(response.hits[0].article.date.ToIso() == "2026-06-17");
}

TEST_CASE("Sort orders", "[filters]") {
  Searcher searcher = SamplesSearcher();
  SearchRequest request;
  request.query = "云州";
  request.limit = kMaxLimit;
  auto key = [](const Hit& h) {
    return std::tuple(h.article.date, h.article.page, h.article.ordinal);
  };
  request.sort = SortOrder::kNewest;
  auto newest = searcher.Search(request).hits;
  REQUIRE(newest.size() > 20);
  for (size_t i = 1; i < newest.size(); ++i) {
    CHECK(newest[i - 1].article.date >= newest[i].article.date);
  }
  request.sort = SortOrder::kOldest;
  auto oldest = searcher.Search(request).hits;
  for (size_t i = 1; i < oldest.size(); ++i) {
    CHECK(oldest[i - 1].article.date <= oldest[i].article.date);
  }
  request.sort = SortOrder::kPrint;
  auto print = searcher.Search(request).hits;
  for (size_t i = 1; i < print.size(); ++i) {
    CHECK(key(print[i - 1]) < key(print[i]));
  }
  request.sort = SortOrder::kRelevance;
  auto best = searcher.Search(request).hits;
  for (size_t i = 1; i < best.size(); ++i) {
    CHECK(best[i - 1].score >= best[i].score);
  }
  CHECK(SortOrderFromName("newest") == SortOrder::kNewest);
  CHECK_FALSE(SortOrderFromName("random"));
}

TEST_CASE("Bad filter values are errors naming the parameter", "[filters]") {
  Searcher searcher = SamplesSearcher();
  struct Case {
    const char* field;
    const char* value;
    const char* parameter;
  };
  const Case cases[] = {
      {"date", "2026-13-45", "date"},
      {"date", "明天", "date"},
      {"page", "0", "page"},
      {"page", "abc", "page"},
      {"page", "99999999999999", "page"},
      {"kind", "novel", "kind"},
      {"topic", "无此主题", "topic"},
      {"reporter", "  ", "reporter"},
      {"title", "，。", "title"},
  };
  for (const auto& c : cases) {
    INFO(c.parameter << "=" << c.value);
    SearchRequest request;
    request.filters = {{c.field, c.value}};
    SearchResponse response = searcher.Search(request);
    REQUIRE(response.error);
    CHECK(response.error->parameter == c.parameter);
    CHECK(response.hits.empty());
  }
}

}  // namespace
}  // namespace baoku::search

namespace baoku::search {
namespace {

TEST_CASE("Topic filters by id and by name, simplified or traditional",
          "[filters]") {
  Searcher searcher = SamplesSearcher();
  auto ids = Distinct([](auto& a) {
    std::vector<std::string> topics;
    for (const auto& t : a.topics) topics.push_back(t.id);
    return topics;
  });
  REQUIRE(ids.size() >= 10);
  for (const auto& id : ids) {
    INFO("topic " << id);
    Ids expected = Expected([&](auto& a) {
      for (const auto& t : a.topics) {
        if (t.id == id) return true;
      }
      return false;
    });
    std::string name = searcher.topics().Label(id);
    CHECK(name != id);
    CHECK(QueryIds(searcher, "topic:" + id) == expected);
    CHECK(QueryIds(searcher, "主题:" + name) == expected);
    CHECK(FilterIds(searcher, {{"topic", name}}) == expected);
  }
  CHECK(QueryIds(searcher, "主題:住房與物業") ==
        QueryIds(searcher, "主题:housing"));
}

}  // namespace
}  // namespace baoku::search
