#include "baoku/search/match_reasons.h"

#include <catch2/catch.hpp>

#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "baoku/search/result_json.h"
#include "baoku/search/searcher.h"
#include "test_support.h"

namespace baoku::search {
namespace {

// Fictional articles written for this test: one story in simplified
// characters with a full-width ＡＰＰ, its traditional twin, and a notice
// with full-width digits.
corpus::Article Story(int day, int page, std::string column,
                      std::string headline, std::string reporter,
                      std::string paragraph) {
  corpus::Article a;
  a.paper_code = "yzrb";
  a.paper = "云州日报";
  a.date = corpus::Date{2026, 6, day};
  a.page = page;
  a.ordinal = 1;
  a.id = corpus::MakeArticleId(a.paper_code, a.date, page, 1);
  a.column = std::move(column);
  a.headline = std::move(headline);
  if (!reporter.empty()) a.reporters = {std::move(reporter)};
  a.paragraphs = {std::move(paragraph)};
  return a;
}

const corpus::Article kSimplified =
    Story(3, 2, "民生观察", "老城区维修资金使用公开", "王晓峰",
          "老城区住宅专项维修资金今年起按季度公示，业主可在ＡＰＰ上查询"
          "每一笔维修资金的去向。");
const corpus::Article kTraditional =
    Story(5, 3, "", "舊城區維修資金使用公開", "李文",
          "舊城區住宅專項維修資金今年起按季度公示，業主可到社區查詢。");
const corpus::Article kDigits =
    Story(9, 4, "", "老旧小区改造过半", "",
          "全市已有１２８个小区完成改造，其余小区年内开工。");

class ReasonsIndex {
 public:
  ReasonsIndex() {
    indexer::IndexWriter writer(dir_ / "db");
    for (const auto* a : {&kSimplified, &kTraditional, &kDigits}) {
      writer.ReplacePages({indexer::PageKey(*a)}, {*a}, analyzer_);
    }
  }
  SearchResponse Search(SearchRequest request, bool explain = true) {
    request.explain_matches = explain;
    Searcher searcher(dir_ / "db", analyzer_);
    return searcher.Search(request);
  }
  SearchResponse Search(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return Search(request);
  }

 private:
  testing::TempDir dir_;
  corpus::TextAnalyzer analyzer_;
};

ReasonsIndex& Index() {
  static ReasonsIndex index;
  return index;
}

const Hit* HitOf(const SearchResponse& r, const corpus::Article& a) {
  for (const auto& hit : r.hits) {
    if (hit.article.id == a.id) return &hit;
  }
  return nullptr;
}

// The reason of `part` found in `where`, or nullptr.
const MatchReason* Reason(const Hit* hit, std::string_view part,
                          std::string_view where) {
  if (!hit || !hit->why) return nullptr;
  for (const auto& r : *hit->why) {
    if (r.part == part && r.where == where) return &r;
  }
  return nullptr;
}

using Forms = std::vector<MatchForm>;

TEST_CASE("Why this matched: simplified, traditional and full-width forms",
          "[search][why]") {
  SearchResponse r = Index().Search("维修资金");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.hits.size() == 2);
  const Hit* simplified = HitOf(r, kSimplified);
  const Hit* traditional = HitOf(r, kTraditional);

  const MatchReason* title = Reason(simplified, "维修资金", "title");
  REQUIRE(title);
  CHECK(title->printed == "维修资金");
  CHECK(title->forms == Forms{MatchForm::kExact});
  CHECK(title->where_label == "标题");
  const MatchReason* body = Reason(simplified, "维修资金", "body");
  REQUIRE(body);
  CHECK(body->where_label == "正文");
  CHECK(body->count == 2);
  CHECK(body->parameter == "q");

  const MatchReason* folded = Reason(traditional, "维修资金", "title");
  REQUIRE(folded);
  CHECK(folded->printed == "維修資金");
  CHECK(folded->forms == Forms{MatchForm::kVariant});
  REQUIRE(Reason(traditional, "维修资金", "body"));
  CHECK(Reason(traditional, "维修资金", "body")->forms ==
        Forms{MatchForm::kVariant});

  // Typed in traditional characters: the other way round.
  SearchResponse typed = Index().Search("維修資金");
  REQUIRE(Reason(HitOf(typed, kSimplified), "維修資金", "title"));
  CHECK(Reason(HitOf(typed, kSimplified), "維修資金", "title")->forms ==
        Forms{MatchForm::kVariant});
  CHECK(Reason(HitOf(typed, kTraditional), "維修資金", "title")->forms ==
        Forms{MatchForm::kExact});

  // Full-width letters printed, half-width typed, in either case.
  SearchResponse upper = Index().Search("APP");
  const MatchReason* app = Reason(HitOf(upper, kSimplified), "APP", "body");
  REQUIRE(app);
  CHECK(app->printed == "ＡＰＰ");
  CHECK(app->forms == Forms{MatchForm::kWidth});
  SearchResponse lower = Index().Search("app");
  REQUIRE(Reason(HitOf(lower, kSimplified), "app", "body"));
  CHECK(Reason(HitOf(lower, kSimplified), "app", "body")->forms ==
        Forms{MatchForm::kWidth, MatchForm::kCase});

  // Full-width digits within a phrase of Chinese.
  SearchResponse digits = Index().Search("128个小区");
  const MatchReason* number =
      Reason(HitOf(digits, kDigits), "128个小区", "body");
  REQUIRE(number);
  CHECK(number->printed == "１２８个小区");
  CHECK(number->forms == Forms{MatchForm::kWidth});
}

TEST_CASE("Why this matched: names, columns, dates and filters",
          "[search][why]") {
  // A partial name resolved to the reporter holding it.
  SearchResponse partial = Index().Search("记者:王晓");
  REQUIRE_FALSE(partial.error);
  REQUIRE(partial.hits.size() == 1);
  const MatchReason* name =
      Reason(HitOf(partial, kSimplified), "记者:王晓", "reporter");
  REQUIRE(name);
  CHECK(name->printed == "王晓峰");
  CHECK(name->where_label == "记者");
  CHECK(name->forms == Forms{MatchForm::kPartialName});

  SearchResponse whole = Index().Search("記者:王曉峰");
  const MatchReason* folded =
      Reason(HitOf(whole, kSimplified), "记者:王曉峰", "reporter");
  REQUIRE(folded);
  CHECK(folded->forms == Forms{MatchForm::kVariant});

  // The column as a field and as words of the title block.
  SearchResponse column = Index().Search("栏目:民生观察");
  REQUIRE(Reason(HitOf(column, kSimplified), "栏目:民生观察", "column"));
  SearchResponse words = Index().Search("民生观察");
  const MatchReason* banner =
      Reason(HitOf(words, kSimplified), "民生观察", "column");
  REQUIRE(banner);
  CHECK(banner->where_label == "栏目");
  CHECK(banner->forms == Forms{MatchForm::kExact});

  // A month is a range the date lies in; a day typed otherwise is an alias.
  SearchRequest request;
  request.query = "维修资金 日期:2026-06";
  request.filters = {{"reporter", "王晓峰"}, {"date", "20260603"}};
  SearchResponse dated = Index().Search(request);
  REQUIRE(dated.hits.size() == 1);
  const Hit* hit = HitOf(dated, kSimplified);
  const MatchReason* month = Reason(hit, "日期:2026-06", "date");
  REQUIRE(month);
  CHECK(month->printed == "2026-06-03");
  CHECK(month->forms == Forms{MatchForm::kDateRange});
  const MatchReason* day = Reason(hit, "日期:20260603", "date");
  REQUIRE(day);
  CHECK(day->parameter == "date");
  CHECK(day->forms == Forms{MatchForm::kAlias});
  const MatchReason* filter = Reason(hit, "记者:王晓峰", "reporter");
  REQUIRE(filter);
  CHECK(filter->parameter == "reporter");
  CHECK(filter->forms == Forms{MatchForm::kExact});
  // Query parts first, in query order, then the filters.
  REQUIRE(hit->why->size() >= 4);
  CHECK(hit->why->front().part == "维修资金");
  CHECK(hit->why->back().parameter == "date");
}

TEST_CASE("Why this matched names only what the hit holds", "[search][why]") {
  // An alternative of OR that another satisfied, and an excluded word.
  SearchResponse r = Index().Search("(停车 OR 维修资金) -社区");
  REQUIRE_FALSE(r.error);
  REQUIRE(r.hits.size() == 1);
  const Hit& hit = r.hits.front();
  CHECK(hit.article.id == kSimplified.id);
  REQUIRE(hit.why);
  for (const auto& reason : *hit.why) {
    CHECK(reason.part == "维修资金");
  }
  CHECK_FALSE(hit.why->empty());
}

TEST_CASE("Reasons are JSON on the hit, and only when asked for",
          "[search][why]") {
  SearchRequest request;
  request.query = "維修資金";
  SearchResponse r = Index().Search(request);
  const Hit* hit = HitOf(r, kSimplified);
  REQUIRE(hit);
  nlohmann::json why = HitToJson(*hit, TopicNames())["why"];
  REQUIRE(why.is_array());
  REQUIRE_FALSE(why.empty());
  CHECK(why[0]["part"] == "維修資金");
  CHECK(why[0]["where"] == "title");
  CHECK(why[0]["where_label"] == "标题");
  CHECK(why[0]["printed"] == "维修资金");
  CHECK(why[0]["forms"] == nlohmann::json::array({"variant"}));
  CHECK(why[0]["form_labels"] == nlohmann::json::array({"繁简转换"}));
  CHECK(why[0]["count"] == 1);

  SearchResponse plain = Index().Search(request, /*explain=*/false);
  REQUIRE_FALSE(plain.hits.empty());
  CHECK_FALSE(plain.hits.front().why);
  CHECK_FALSE(HitToJson(plain.hits.front(), TopicNames()).contains("why"));
}

}  // namespace
}  // namespace baoku::search
