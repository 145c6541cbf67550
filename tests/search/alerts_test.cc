// Saved searches, correction links and the source facet on the sample
// archive (corpus/samples: 2026-06-17 page 2 ends with a correction notice
// naming an article of 2026-06-10 page 2).
#include "baoku/search/alerts.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "baoku/search/browse.h"
#include "baoku/search/corrections.h"
#include "search_fixture.h"
#include "test_support.h"

namespace baoku::search {
namespace {

const corpus::Article& SampleNamed(const std::string& headline) {
  for (const auto& a : testing::SampleArticles()) {
    if (a.headline == headline) return a;
  }
  throw std::runtime_error("no sample article " + headline);
}

std::vector<std::string> IdsOfDay(const corpus::Date& day) {
  std::vector<std::string> ids;
  for (const auto& a : testing::SampleArticles()) {
    if (a.date == day) ids.push_back(a.id);
  }
  return ids;
}

TEST_CASE("The latest issue and what each saved search got", "[alerts]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  CHECK(EndDate(searcher, true) == corpus::Date{2026, 6, 17});

  SavedSearch trade{1, "外贸", "海关", {}, ""};
  SavedSearch ours{2, "本报足球", "足球", {{"source", "本报"}}, ""};
  SavedSearch broken{3, "坏的", "记者:", {}, ""};
  auto on_0610 =
      CountAmong(searcher, {trade, ours, broken}, IdsOfDay({2026, 6, 10}));
  REQUIRE(on_0610.size() == 3);
  CHECK(on_0610[0].count >= 1);  // 云州海关 on page 2.
  CHECK(on_0610[1].count == 0);  // No football that day.
  CHECK(on_0610[2].count == 0);
  CHECK(on_0610[2].error.has_value());

  auto on_0617 = CountAmong(searcher, {trade, ours}, IdsOfDay({2026, 6, 17}));
  CHECK(on_0617[1].count >= 1);  // The league on page 3.
  // Only the ids given count: the same searches over none.
  for (const auto& c : CountAmong(searcher, {trade, ours}, {})) {
    CHECK(c.count == 0);
  }
  // The issue of a day, as the UI's "new in the latest issue".
  auto day = CountOnDay(searcher, {ours}, {2026, 6, 17});
  CHECK(day[0].count == on_0617[1].count);
  SearchRequest all = RequestFor(ours);
  CHECK(all.sort == SortOrder::kNewest);
  CHECK(searcher.Search(all).total >= day[0].count);
}

TEST_CASE("A correction and the article of an earlier issue it corrects",
          "[alerts][correction]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  const auto& original = SampleNamed("前5个月全市外贸进出口总值86.4亿元");
  CHECK(original.date == corpus::Date{2026, 6, 10});
  auto notices = CorrectionsOf(searcher, testing::SharedAnalyzer(), original);
  REQUIRE(notices.size() == 1);
  const auto& notice = notices[0];
  CHECK(notice.kind == corpus::ArticleKind::kCorrection);
  CHECK(notice.date == corpus::Date{2026, 6, 17});
  CHECK(notice.headline == "更正");

  auto corrected = CorrectedBy(searcher, testing::SharedAnalyzer(), notice);
  REQUIRE(corrected.size() == 1);
  CHECK(corrected[0].id == original.id);

  // Its neighbour on the page has no correction.
  const auto& other = SampleNamed("以旧换新“换”出消费新活力");
  CHECK(CorrectionsOf(searcher, testing::SharedAnalyzer(), other).empty());
  CHECK(CorrectedBy(searcher, testing::SharedAnalyzer(), other).empty());

  // 类型:更正 finds the notice, and only it.
  SearchRequest kind;
  kind.query = "类型:更正";
  auto found = searcher.Search(kind);
  REQUIRE_FALSE(found.error);
  REQUIRE(found.total == 1);
  CHECK(found.hits[0].article.id == notice.id);
}

TEST_CASE("来源 is a facet and a filter", "[alerts][source]") {
  Searcher searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
  SearchRequest everything;
  everything.with_facets = true;
  auto all = searcher.Search(everything);
  REQUIRE(all.facets);
  const auto& sources = all.facets->Of("sources");
  auto count_of = [&](const std::string& value) -> uint64_t {
    for (const auto& v : sources) {
      if (v.value == value) return v.count;
    }
    return 0;
  };
  CHECK(count_of("本报") > 50);
  CHECK(count_of("新华社") >= 4);  // The wire stories (新华社北京…电).
  CHECK(count_of("本报") < all.total);

  SearchRequest ours;
  ours.filters = {{"source", "本报"}};
  CHECK(searcher.Search(ours).total == count_of("本报"));
  SearchRequest wire;
  wire.query = "来源:新华社";
  auto wire_found = searcher.Search(wire);
  REQUIRE(wire_found.total == count_of("新华社"));
  for (const auto& hit : wire_found.hits) {
    CHECK(hit.article.dateline.find("新华社") != std::string::npos);
  }
}

TEST_CASE("baoku-index tells each saved search what a batch brought",
          "[alerts][cli]") {
  testing::TempDir dir;
  std::string tool = (testing::BinaryDir() / "indexer/baoku-index").string();
  std::string db = (dir / "db").string();
  auto index = [&](const std::string& issue, std::string* out) {
    return testing::Run(
        {tool, "index", "--db", db, "--report", (dir / "report.json").string(),
         (testing::SamplesDir() / issue).string()},
        out);
  };
  std::string out;
  REQUIRE(index("2026-06-16", &out) == 0);
  // No store yet: nothing about saved searches, none created.
  CHECK(out.find("saved search") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(SavedSearchStore::PathBeside(db)));
  {
    SavedSearchStore store(SavedSearchStore::PathBeside(db));
    REQUIRE(store.Create("本报足球", "足球", {{"source", "本报"}}));
    REQUIRE(store.Create("海关", "海关", {}));
  }
  REQUIRE(index("2026-06-17", &out) == 0);
  CHECK(out.find("saved search \"本报足球\" (#1): 2 new") != std::string::npos);
  CHECK(out.find("saved search \"海关\" (#2): 0 new") != std::string::npos);
  auto report = nlohmann::json::parse(testing::ReadFile(dir / "report.json"));
  REQUIRE(report["saved_searches"].size() == 2);
  CHECK(report["saved_searches"][0]["name"] == "本报足球");
  CHECK(report["saved_searches"][0]["new"] == 2);
  CHECK(report["saved_searches"][1]["new"] == 0);
  // Unchanged pages are not new again.
  REQUIRE(index("2026-06-17", &out) == 0);
  CHECK(out.find("(#1): 0 new") != std::string::npos);
}

}  // namespace
}  // namespace baoku::search
