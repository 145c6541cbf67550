// The browsing routes (web/src/browse.cc) as handlers, without sockets: on
// the samples (no topics yet) and on a small index whose articles carry
// topics over three years.
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "../search/search_fixture.h"
#include "api_fixture.h"
#include "baoku/indexer/batch.h"
#include "baoku/search/facets.h"
#include "baoku/web/api.h"
#include "test_support.h"
#include "topics_fixture.h"

namespace baoku::web {
namespace {

using nlohmann::json;

const Api& TopicsApi() {
  static const Api api(ApiConfig{testing::TopicsIndex(),
                                 testing::SourceDir() / "web" / "static"});
  return api;
}

using testing::SamplesApi;

// An archive with more reporters (260) and columns (210) than a facet list
// of a search holds (search::kMaxFacetValues), one article each.
const Api& CrowdedApi() {
  static testing::TempDir dir;
  static const Api api = [] {
    const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄",
                              "赵", "吴", "周", "徐", "孙", "马", "朱",
                              "胡", "郭", "何", "林", "罗", "高", "郑",
                              "梁", "谢", "宋", "唐", "许"};
    const char* given[] = {"晓东", "丽娟", "建国", "海燕", "志强",
                           "雪梅", "子涵", "文博", "春花", "一鸣"};
    const char* places[] = {"东关", "北岳", "南湖", "西城", "云州", "江岸",
                            "青石", "柳河", "白塔", "红旗", "长乐", "新桥",
                            "临江", "金沙", "清水", "石门", "凤凰", "永安",
                            "和平", "光明", "太平"};
    const char* kinds[] = {"观察", "纪事", "走笔", "民生", "故事",
                           "速写", "巡礼", "新貌", "一线", "人物"};
    std::string ndjson;
    int i = 0;
    for (const char* surname : surnames) {
      for (const char* name : given) {
        char date[40];  // Room for any int, which g++ checks.
        std::snprintf(date, sizeof date, "2015-%02d-%02d", 1 + i / 28,
                      1 + i % 28);
        int column = i % 210;
        nlohmann::json article = {
            {"date", date},
            {"page", 1},
            {"paper", "云州日报"},
            {"paper_code", "yzrb"},
            {"headline", std::string(places[column % 21]) + "社区办起夜校"},
            {"reporters", {std::string(surname) + name}},
            {"column", std::string(places[column % 21]) + kinds[column / 21]},
            {"paragraphs", {"居民晚饭后来上课,学手机支付和防诈骗知识。"}}};
        ndjson += article.dump() + "\n";
        ++i;
      }
    }
    testing::WriteFile(dir / "crowded.ndjson", ndjson);
    std::vector<corpus::Diagnostic> errors;
    auto files = indexer::FindPageFiles({dir.path()}, errors);
    auto summary = indexer::IndexFiles(dir / "db", files, {});
    if (!errors.empty() || summary.articles != 260) {
      throw std::runtime_error("indexing the crowded fixture failed");
    }
    return Api(ApiConfig{dir / "db", testing::SourceDir() / "web" / "static"});
  }();
  return api;
}

HttpResponse Get(const Api& api, const std::string& path,
                 std::multimap<std::string, std::string> params = {}) {
  HttpRequest request;
  request.path = path;
  request.params = std::move(params);
  return api.Handle(request);
}

json GetJson(const Api& api, const std::string& path,
             std::multimap<std::string, std::string> params = {}) {
  HttpResponse r = Get(api, path, std::move(params));
  INFO(path << " " << r.body);
  REQUIRE(r.status == 200);
  return json::parse(r.body);
}

std::vector<std::string> Ids(const json& articles) {
  std::vector<std::string> ids;
  for (const auto& a : articles) ids.push_back(a["id"]);
  return ids;
}

TEST_CASE("/api/topics lists every topic with articles, a timeline each",
          "[browse]") {
  json body = GetJson(TopicsApi(), "/api/topics");
  const json& topics = body["topics"];
  std::map<std::string, json> by_id;
  for (const auto& t : topics) by_id[t["value"]] = t;
  CHECK(by_id["housing"]["label"] == "住房与物业");
  CHECK(by_id["housing"]["count"] == 3);
  CHECK(by_id["transport"]["count"] == 2);
  // culture is in the taxonomy but no article has it: not listed.
  CHECK(topics.size() == 2);
  CHECK(by_id.count("culture") == 0);
  const json& timeline = by_id["housing"]["timeline"];
  CHECK(timeline["granularity"] == "year");
  CHECK(timeline["buckets"] == json::parse(R"([
      {"value":"2024","label":"2024年","count":1},
      {"value":"2025","label":"2025年","count":1},
      {"value":"2026","label":"2026年","count":1}])"));
}

TEST_CASE("/api/topic gives a topic's articles, reporters and columns",
          "[browse]") {
  // By id, Chinese name, alias, traditional characters or full-width Latin.
  for (const char* name :
       {"housing", "住房与物业", "物业", "住房與物業", "Ｈｏｕｓｉｎｇ"}) {
    INFO(name);
    json t = GetJson(TopicsApi(), "/api/topic", {{"id", name}});
    CHECK(t["id"] == "housing");
    CHECK(t["name"] == "住房与物业");
    CHECK(t["total"] == 3);
    CHECK(Ids(t["recent"]) == std::vector<std::string>{"yzrb-20260612-03-01",
                                                       "yzrb-20250611-02-01",
                                                       "yzrb-20240611-01-01"});
    // Most relevant: by the scorer's confidence (0.9, 0.7, 0.4).
    CHECK(Ids(t["relevant"]) ==
          std::vector<std::string>{"yzrb-20240611-01-01", "yzrb-20260612-03-01",
                                   "yzrb-20250611-02-01"});
    CHECK(t["reporters"][0]["value"] == "张子珂");
    CHECK(t["reporters"][0]["count"] == 2);
    CHECK(t["columns"][0]["value"] == "民生观察");
    CHECK(t["recent"][0]["topics"][0]["label"] == "住房与物业");
  }
  CHECK(Get(TopicsApi(), "/api/topic", {{"id", "没有这个主题"}}).status == 404);
  CHECK(Get(TopicsApi(), "/api/topic").status == 400);
}

TEST_CASE("/api/reporters and /api/reporter", "[browse]") {
  json list = GetJson(TopicsApi(), "/api/reporters");
  CHECK(list["reporters"][0]["value"] == "张子珂");
  CHECK(list["reporters"][0]["count"] == 2);

  json r = GetJson(TopicsApi(), "/api/reporter", {{"name", "张子珂"}});
  CHECK(r["name"] == "张子珂");
  CHECK(r["total"] == 2);
  CHECK(r["years"] ==
        json::parse(R"([{"value":"2024","label":"2024年","count":1},
      {"value":"2025","label":"2025年","count":1}])"));
  CHECK(Ids(r["articles"]) ==
        std::vector<std::string>{"yzrb-20250611-02-01",
                                 "yzrb-20240611-01-01"});  // Newest first.
  REQUIRE(r["coauthors"].size() == 1);
  CHECK(r["coauthors"][0]["value"] == "李明");
  std::set<std::string> topics;
  for (const auto& t : r["topics"]) topics.insert(t["label"]);
  CHECK(topics == std::set<std::string>{"住房与物业", "交通出行"});

  CHECK(Get(TopicsApi(), "/api/reporter", {{"name", "无名氏"}}).status == 404);
  CHECK(Get(TopicsApi(), "/api/reporter", {{"name", " "}}).status == 400);
  CHECK(Get(TopicsApi(), "/api/reporter", {{"name", "张子珂"}, {"limit", "0"}})
            .status == 400);
}

// Regression: the listings and suggestions came from facet lists capped at
// search::kMaxFacetValues, so the 201st reporter of an archive could not be
// listed or suggested.
TEST_CASE("Listings and suggestions hold every reporter and column",
          "[browse]") {
  static_assert(search::kMaxFacetValues < 210);
  CHECK(GetJson(CrowdedApi(), "/api/reporters")["reporters"].size() == 260);
  CHECK(GetJson(CrowdedApi(), "/api/columns")["columns"].size() == 210);
  // With equal counts, lists run in value (UTF-8 byte) order, so a capped
  // list leaves out the greatest values: these.
  for (auto [field, prefix, first] :
       {std::tuple{"reporter", "黄雪梅", "黄雪梅"},
        std::tuple{"reporter", "黃雪", "黄雪梅"},
        std::tuple{"column", "青石速写", "青石速写"}}) {
    INFO(field << " " << prefix);
    json r = GetJson(CrowdedApi(), "/api/suggest",
                     {{"field", field}, {"prefix", prefix}});
    REQUIRE_FALSE(r["suggestions"].empty());
    CHECK(r["suggestions"][0]["value"] == first);
  }
  CHECK(GetJson(CrowdedApi(), "/api/reporter", {{"name", "黄雪梅"}})["total"] ==
        1);
}

TEST_CASE("/api/columns and a column's instalments in order", "[browse]") {
  json list = GetJson(TopicsApi(), "/api/columns");
  REQUIRE(list["columns"].size() == 2);  // No entry for "no column".
  CHECK(list["columns"][0]["value"] == "民生观察");
  CHECK(list["columns"][0]["count"] == 3);

  json c = GetJson(TopicsApi(), "/api/column", {{"name", "民生观察"}});
  CHECK(c["total"] == 3);
  CHECK(Ids(c["instalments"]) ==
        std::vector<std::string>{"yzrb-20240611-01-01", "yzrb-20250611-02-01",
                                 "yzrb-20260611-01-01"});
  CHECK(c["instalments"][2]["number"].is_null());  // Not numbered.
  // Traditional characters find the column as printed.
  CHECK(GetJson(TopicsApi(), "/api/column", {{"name", "民生觀察"}})["name"] ==
        "民生观察");
  CHECK(Get(TopicsApi(), "/api/column", {{"name", "无此栏目"}}).status == 404);
}

// The samples in one test case: indexing them is what takes time.
TEST_CASE("Browsing the samples", "[browse]") {
  SECTION("Topics, a reporter's pages, a numbered series") {
    CHECK(GetJson(SamplesApi(), "/api/topics")["topics"].size() >= 10);
    // Paging, and the samples: a reporter of 12 articles in one month.
    json page = GetJson(SamplesApi(), "/api/reporter",
                        {{"name", "高原"}, {"offset", "10"}, {"limit", "5"}});
    CHECK(page["total"] == 12);
    CHECK(page["articles"].size() == 2);
    CHECK(page["years"] ==
          json::parse(R"([{"value":"2026","label":"2026年","count":12}])"));

    // A numbered series: the numbers it prints, in their order.
    json qa = GetJson(SamplesApi(), "/api/column",
                      {{"name", "民法典进社区·百姓身边百问百答"}});
    std::vector<int> numbers;
    for (const auto& a : qa["instalments"]) numbers.push_back(a["number"]);
    CHECK(numbers == std::vector<int>{7, 8, 9, 10, 11, 12});
  }
  SECTION("Calendar, issue and page browse the archive by date") {
    json cal = GetJson(SamplesApi(), "/api/calendar");
    CHECK(cal["month"] == "2026-06");
    CHECK(cal["first"] == "2026-06-09");
    CHECK(cal["last"] == "2026-06-17");
    REQUIRE(cal["days"].size() == 9);
    CHECK(cal["days"][0]["value"] == "2026-06-09");
    CHECK(cal["days"][0]["label"] == "2026年6月9日");
    uint64_t sum = 0;
    for (const auto& d : cal["days"]) sum += d["count"].get<uint64_t>();
    CHECK(sum == cal["total"].get<uint64_t>());
    CHECK(cal["prev"].is_null());

    json old = GetJson(TopicsApi(), "/api/calendar", {{"month", "2025-06"}});
    CHECK(old["days"] == json::parse(
                             R"([{"value":"2025-06-11","label":"2025年6月11日",
                                  "count":1}])"));
    CHECK(old["prev"] == "2025-05");
    CHECK(old["next"] == "2025-07");
    CHECK(GetJson(TopicsApi(), "/api/calendar",
                  {{"month", "2026年6月"}})["total"] == 3);

    json issue = GetJson(SamplesApi(), "/api/issue", {{"date", "2026-06-11"}});
    CHECK(issue["paper"] == "云州日报");
    REQUIRE(issue["pages"].size() >= 2);
    int last_page = 0;
    for (const auto& p : issue["pages"]) {
      CHECK(p["page"].get<int>() > last_page);  // Pages in order.
      last_page = p["page"];
      int last_ordinal = 0;
      for (const auto& a : p["articles"]) {
        CHECK(a["ordinal"].get<int>() > last_ordinal);  // Print order.
        last_ordinal = a["ordinal"];
      }
    }
    json page = GetJson(SamplesApi(), "/api/page",
                        {{"date", "2026-06-11"}, {"page", "1"}});
    CHECK(page["page"] == 1);
    CHECK(page["articles"] == issue["pages"][0]["articles"]);

    struct Bad {
      const char* path;
      std::multimap<std::string, std::string> params;
      int status;
      const char* parameter;
    };
    const Bad bad[] = {
        {"/api/calendar", {{"month", "2026-13"}}, 400, "month"},
        {"/api/calendar", {{"month", "2026-06-11"}}, 400, "month"},
        {"/api/issue", {}, 400, "date"},
        {"/api/issue", {{"date", "2026-06"}}, 400, "date"},
        {"/api/issue", {{"date", "昨天"}}, 400, "date"},
        {"/api/issue", {{"date", "1999-01-01"}}, 404, "date"},
        {"/api/page", {{"date", "2026-06-11"}}, 400, "page"},
        {"/api/page", {{"date", "2026-06-11"}, {"page", "x"}}, 400, "page"},
        {"/api/page", {{"date", "2026-06-11"}, {"page", "88"}}, 404, "page"},
        {"/api/onthisday", {{"date", "2026-02-30"}}, 400, "date"},
    };
    for (const auto& b : bad) {
      INFO(b.path << " " << (b.params.empty() ? "" : b.params.begin()->second));
      HttpResponse r = Get(SamplesApi(), b.path, b.params);
      CHECK(r.status == b.status);
      CHECK(json::parse(r.body)["error"]["parameter"] == b.parameter);
    }
  }
}

TEST_CASE("/api/onthisday lists the same day of earlier years", "[browse]") {
  json r = GetJson(TopicsApi(), "/api/onthisday", {{"date", "2026-06-11"}});
  REQUIRE(r["years"].size() == 2);
  CHECK(r["years"][0]["year"] == 2025);  // Newest year first.
  CHECK(Ids(r["years"][0]["articles"]) ==
        std::vector<std::string>{"yzrb-20250611-02-01"});
  CHECK(r["years"][1]["year"] == 2024);
  // Not the day itself, not other days.
  CHECK(
      GetJson(TopicsApi(), "/api/onthisday", {{"date", "2024-06-11"}})["years"]
          .empty());
  CHECK(GetJson(TopicsApi(), "/api/onthisday",
                {{"date", "2027-06-12"}})["years"][0]["year"] == 2026);
  // Without a date: the day of the newest issue, not the server's clock.
  CHECK(GetJson(TopicsApi(), "/api/onthisday")["date"] == "2026-06-13");
}

TEST_CASE("The citation names every reporter, GB/T 7714", "[browse]") {
  json a =
      GetJson(TopicsApi(), "/api/article", {{"id", "yzrb-20250611-02-01"}});
  CHECK(a["citation"] ==
        "张子珂, 李明. 公交站台进小区[N]. 云州日报, 2025-06-11(2).");
}

TEST_CASE("/api/examples gives queries that find something in the archive",
          "[browse]") {
  json e = GetJson(SamplesApi(), "/api/examples");
  REQUIRE(e.contains("reporters"));
  REQUIRE(e.contains("columns"));
  REQUIRE(e.contains("words"));
  REQUIRE(e.contains("phrase"));
  CHECK(e["month"] == "2026-06");
  // The busiest reporter: no other has more articles.
  json reporters = GetJson(SamplesApi(), "/api/reporters")["reporters"];
  for (const auto& r : reporters) CHECK(r["count"] <= e["reporters"]["count"]);
  std::string a = e["words"][0], b = e["words"][1];
  CHECK(a != b);
  for (const std::string& q :
       {"记者:" + e["reporters"]["value"].get<std::string>(),
        "栏目:" + e["columns"]["value"].get<std::string>(), a + " " + b,
        a + " OR " + b, a + " -" + b,
        "\"" + e["phrase"].get<std::string>() + "\"",
        "日期:" + e["month"].get<std::string>()}) {
    CAPTURE(q);
    CHECK(GetJson(SamplesApi(), "/api/search", {{"q", q}})["total"] > 0);
  }
  // The busiest column, not the articles without one.
  json t = GetJson(TopicsApi(), "/api/examples");
  CHECK(t["columns"]["value"] == "民生观察");
  CHECK(t["pages"]["value"] == "1");
}

TEST_CASE("/api/suggest completes names, normalized", "[browse]") {
  struct Case {
    const char* field;
    const char* prefix;
    const char* first;  // nullptr: no suggestion.
  };
  const Case cases[] = {
      {"reporter", "张", "张子珂"},
      {"reporter", "張子", "张子珂"},  // Traditional.
      {"reporter", "王", "王芳"},
      {"reporter", "赵", nullptr},
      {"column", "民生觀", "民生观察"},
      {"column", "观察", "民生观察"},  // Contains, not a prefix.
      {"topic", "住房", "housing"},
      {"topic", "住房與", "housing"},
      {"topic", "ＴＲＡＮ", "transport"},  // Full-width Latin.
      {"topic", "文化", nullptr},  // In the taxonomy, but no article has it.
  };
  for (const auto& c : cases) {
    INFO(c.field << " " << c.prefix);
    json r = GetJson(TopicsApi(), "/api/suggest",
                     {{"field", c.field}, {"prefix", c.prefix}});
    if (!c.first) {
      CHECK(r["suggestions"].empty());
      continue;
    }
    REQUIRE_FALSE(r["suggestions"].empty());
    CHECK(r["suggestions"][0]["value"] == c.first);
  }
  // Containment counts too: "o" is in Housing and Transport only.
  json two = GetJson(TopicsApi(), "/api/suggest",
                     {{"field", "topic"}, {"prefix", "o"}});
  CHECK(two["suggestions"].size() == 2);
  json limited = GetJson(TopicsApi(), "/api/suggest",
                         {{"field", "topic"}, {"prefix", "o"}, {"limit", "1"}});
  CHECK(limited["suggestions"].size() == 1);
  CHECK(Get(TopicsApi(), "/api/suggest", {{"field", "title"}, {"prefix", "a"}})
            .status == 400);
  CHECK(Get(TopicsApi(), "/api/suggest", {{"field", "reporter"}}).status ==
        400);
  CHECK(Get(TopicsApi(), "/api/suggest",
            {{"field", "reporter"}, {"prefix", "a"}, {"limit", "500"}})
            .status == 400);
}

TEST_CASE("/api/reporters and /api/columns filter names as search folds them",
          "[browse]") {
  auto values = [](const json& list) {
    std::vector<std::string> out;
    for (const auto& v : list) out.push_back(v["value"]);
    return out;
  };
  // Traditional input finds the simplified name (鄭 → 郑可欣), on the server.
  CHECK(values(GetJson(SamplesApi(), "/api/reporters",
                       {{"filter", "鄭"}})["reporters"]) ==
        std::vector<std::string>{"郑可欣"});
  CHECK(values(GetJson(TopicsApi(), "/api/reporters",
                       {{"filter", "張子"}})["reporters"]) ==
        std::vector<std::string>{"张子珂"});
  // Contained, not only a prefix.
  CHECK(values(GetJson(TopicsApi(), "/api/reporters",
                       {{"filter", "子珂"}})["reporters"]) ==
        std::vector<std::string>{"张子珂"});
  CHECK(GetJson(TopicsApi(), "/api/reporters",
                {{"filter", "没有此人"}})["reporters"]
            .empty());
  // Blank: the whole list.
  CHECK(GetJson(TopicsApi(), "/api/reporters", {{"filter", " "}}) ==
        GetJson(TopicsApi(), "/api/reporters"));
  CHECK(values(GetJson(TopicsApi(), "/api/columns",
                       {{"filter", "民生觀"}})["columns"]) ==
        std::vector<std::string>{"民生观察"});
}

TEST_CASE("Topics no article has are not offered", "[browse]") {
  // culture is in the fixture's taxonomy, on no article.
  const json topics = GetJson(TopicsApi(), "/api/topics");
  for (const auto& t : topics["topics"]) {
    CHECK(t["value"] != "culture");
    CHECK(t["count"].get<uint64_t>() > 0);
  }
  CHECK(GetJson(TopicsApi(), "/api/suggest",
                {{"field", "topic"}, {"prefix", "Culture"}})["suggestions"]
            .empty());
  json facets = GetJson(TopicsApi(), "/api/facets", {{"facet_limit", "200"}});
  for (const auto& v : facets["facets"]["topics"]) {
    CHECK(v["value"] != "culture");
  }
  REQUIRE_FALSE(facets["facets"]["topics"].empty());
}

}  // namespace
}  // namespace baoku::web
