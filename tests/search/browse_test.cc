// The browsing pages' logic (search/browse.h) on articles and facet lists
// written here, and the archive-wide reads on the samples' index.
#include "baoku/search/browse.h"

#include <catch2/catch.hpp>

#include "search_fixture.h"

namespace baoku::search {
namespace {

Hit HitTitled(const std::string& headline, const std::string& kicker = "") {
  Hit hit;
  hit.article.headline = headline;
  hit.article.kicker = kicker;
  return hit;
}

TEST_CASE("InstalmentNumber reads the number a series prints", "[browse]") {
  struct Case {
    const char* headline;
    const char* kicker;
    std::optional<int> number;
  };
  const Case cases[] = {
      {"7.物业服务合同到期后,业主该怎么办?", "", 7},
      {"11．邻居在楼道里堆放杂物，该怎么办？", "", 11},
      {"１２、指标到校生需要满足什么条件？", "", 12},
      {"三、小区公共收益归谁所有?", "", 3},
      {"城市更新面对面", "第3期", 3},
      {"第十二问:物业费怎么算", "", 12},
      {"第二十三讲 家门口的法律课", "", 23},
      {"老街巷里的“微更新”（三）", "", 3},
      {"云州非遗寻访(10)", "", 10},
      {"古堡村见闻之五", "", 5},
      {"2026年中考招生政策问答", "", std::nullopt},
      {"5G基站覆盖全部乡镇", "", std::nullopt},
      {"第一书记的一天", "", std::nullopt},
      {"全省马铃薯主产区之一在哪里", "", std::nullopt},
      {"夜间公交专线开通", "", std::nullopt},
      {"", "", std::nullopt},
  };
  for (const auto& c : cases) {
    INFO(c.headline << " / " << c.kicker);
    CHECK(InstalmentNumber(HitTitled(c.headline, c.kicker).article) ==
          c.number);
  }
}

TEST_CASE(
    "ArrangeInstalments orders by the printed numbers only when all "
    "have one",
    "[browse]") {
  std::vector<Hit> numbered = {HitTitled("二、续篇"), HitTitled("1.开篇"),
                               HitTitled("古城之三")};
  auto order = ArrangeInstalments(numbered);
  REQUIRE(order.size() == 3);
  CHECK(order[0].hit == 1);
  CHECK(order[1].hit == 0);
  CHECK(order[2].hit == 2);
  CHECK(order[2].number == 3);

  std::vector<Hit> mixed = {HitTitled("二、续篇"), HitTitled("编者按"),
                            HitTitled("1.开篇")};
  order = ArrangeInstalments(mixed);
  REQUIRE(order.size() == 3);
  CHECK(order[0].hit == 0);  // Date order kept.
  CHECK(order[1].hit == 1);
  CHECK_FALSE(order[1].number);
  CHECK(order[2].number == 1);
}

TEST_CASE("MostRelevantForTopic puts pinned and surest first", "[browse]") {
  auto with = [](const std::string& id, const std::string& topic, double score,
                 bool pinned) {
    Hit hit;
    hit.article.id = id;
    hit.article.topics = {{topic, score, pinned}};
    return hit;
  };
  std::vector<Hit> hits = {
      with("a", "housing", 0.4, false), with("b", "transport", 0.99, false),
      with("c", "housing", 0.2, true), with("d", "housing", 0.8, false)};
  auto best = MostRelevantForTopic(hits, "housing", 3);
  REQUIRE(best.size() == 3);
  CHECK(best[0].article.id == "c");
  CHECK(best[1].article.id == "d");
  CHECK(best[2].article.id == "a");
}

TEST_CASE("MonthOfCalendar links months within the archive", "[browse]") {
  corpus::Date first{2025, 12, 30};
  corpus::Date last{2026, 6, 11};
  auto january = MonthOfCalendar(2026, 1, first, last);
  CHECK(january.month == "2026-01");
  CHECK(january.prev == "2025-12");
  CHECK(january.next == "2026-02");
  auto december = MonthOfCalendar(2025, 12, first, last);
  CHECK_FALSE(december.prev);
  CHECK(december.next == "2026-01");
  auto june = MonthOfCalendar(2026, 6, first, last);
  CHECK(june.prev == "2026-05");
  CHECK_FALSE(june.next);
  auto empty = MonthOfCalendar(2026, 6, std::nullopt, std::nullopt);
  CHECK_FALSE(empty.prev);
  CHECK_FALSE(empty.next);
  CHECK(IsoDay(2026, 6, 1) == "2026-06-01");
}

TEST_CASE("SameDayInEarlierYears skips years without the day", "[browse]") {
  DatePoint leap{2029, 2, 29, DatePrecision::kDay};
  CHECK(SameDayInEarlierYears(2023, leap) ==
        std::vector<std::string>{"2024-02-29", "2028-02-29"});
  DatePoint day{2026, 6, 11, DatePrecision::kDay};
  CHECK(SameDayInEarlierYears(2024, day) ==
        std::vector<std::string>{"2024-06-11", "2025-06-11"});
  CHECK(SameDayInEarlierYears(2026, day).empty());
}

TEST_CASE("YearsOf sums a histogram of any granularity", "[browse]") {
  Facets facets;
  facets.dates = {{"2025-11", 3}, {"2025-12", 4}, {"2026-01", 5}};
  auto years = YearsOf(facets);
  REQUIRE(years.size() == 2);
  CHECK(years[0].year == 2025);
  CHECK(years[0].count == 7);
  CHECK(years[1].year == 2026);
  CHECK(years[1].count == 5);
}

TEST_CASE("SuggestNames: prefix matches first, by count within", "[browse]") {
  const auto& analyzer = testing::SharedAnalyzer();
  std::vector<SuggestCandidate> candidates = {
      {{"李王明", "李王明", 50}, {"李王明"}},
      {{"王小明", "王小明", 3}, {"王小明"}},
      {{"王大鵬", "王大鵬", 9}, {"王大鵬"}},
      {{"张三", "张三", 99}, {"张三"}},
  };
  auto out = SuggestNames(candidates, "王", 10, analyzer);
  REQUIRE(out.size() == 3);
  CHECK(out[0].value == "王大鵬");
  CHECK(out[1].value == "王小明");
  CHECK(out[2].value == "李王明");  // Only contains it.
  // Traditional and simplified are one key.
  out = SuggestNames(candidates, "王大鹏", 10, analyzer);
  REQUIRE(out.size() == 1);
  CHECK(out[0].value == "王大鵬");
  CHECK(SuggestNames(candidates, "王", 1, analyzer).size() == 1);
  CHECK(CanonicalName(out, "王大鹏", analyzer) == "王大鵬");
  CHECK(CanonicalName(out, "赵六", analyzer) == "赵六");
}

TEST_CASE("ArchiveFacets and EndDate read the whole archive", "[browse]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  const auto& articles = testing::SampleArticles();
  REQUIRE_FALSE(articles.empty());
  corpus::Date oldest = articles.front().date;
  corpus::Date newest = articles.front().date;
  for (const auto& a : articles) {
    if (a.date.ToIso() < oldest.ToIso()) oldest = a.date;
    if (a.date.ToIso() > newest.ToIso()) newest = a.date;
  }
  CHECK(EndDate(searcher, false)->ToIso() == oldest.ToIso());
  CHECK(EndDate(searcher, true)->ToIso() == newest.ToIso());
  Facets facets = ArchiveFacets(searcher);
  uint64_t by_kind = 0;
  for (const auto& v : facets.Of("kinds")) by_kind += v.count;
  CHECK(by_kind == articles.size());
}

}  // namespace
}  // namespace baoku::search
