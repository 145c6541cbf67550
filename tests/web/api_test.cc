#include "baoku/web/api.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "../search/search_fixture.h"
#include "api_fixture.h"
#include "test_support.h"
#include "topics_fixture.h"

namespace baoku::web {
namespace {

using testing::SamplesApi;

HttpResponse Get(const std::string& path,
                 std::multimap<std::string, std::string> params = {}) {
  HttpRequest request;
  request.path = path;
  request.params = std::move(params);
  return SamplesApi().Handle(request);
}

TEST_CASE("GET /api/search returns hits as JSON", "[api]") {
  HttpResponse r = Get("/api/search", {{"q", "镇边堡村"}});
  CHECK(r.status == 200);
  CHECK(r.content_type.find("application/json") == 0);
  auto body = nlohmann::json::parse(r.body);
  CHECK(body["total"] == 1);
  const auto& hit = body["hits"][0];
  CHECK(hit["id"] == "yzrb-20260609-02-06");
  CHECK(hit["headline"] == "长城脚下古堡村 民宿经济“热”起来");
  CHECK(hit["date"] == "2026-06-09");
  CHECK(hit["page"] == 2);
  CHECK(hit["reporters"] == nlohmann::json::array({"高原"}));
  CHECK(hit["snippet"]["text"].get<std::string>().find("镇边堡村") !=
        std::string::npos);
  CHECK_FALSE(hit["snippet"]["highlights"].empty());
}

TEST_CASE("collapse=1 collapses reprints and every hit says how many",
          "[api]") {
  // The samples hold no reprints: collapsed, the same hits, each with 0.
  auto apart = nlohmann::json::parse(Get("/api/search", {{"q", "民宿"}}).body);
  auto collapsed = nlohmann::json::parse(
      Get("/api/search", {{"q", "民宿"}, {"collapse", "1"}}).body);
  REQUIRE_FALSE(collapsed["hits"].empty());
  CHECK(collapsed["total"] == apart["total"]);
  for (const auto& hit : collapsed["hits"]) CHECK(hit["similar_count"] == 0);
}

TEST_CASE("An offset past the end of the hits gives the last page", "[api]") {
  auto all = nlohmann::json::parse(Get("/api/search", {{"q", "民宿"}}).body);
  int total = all["total"];
  REQUIRE(total > 2);
  auto last = nlohmann::json::parse(
      Get("/api/search", {{"q", "民宿"}, {"limit", "2"}, {"offset", "990"}})
          .body);
  CHECK(last["total"] == total);
  CHECK(last["offset"] == (total - 1) / 2 * 2);
  CHECK(last["hits"].size() ==
        static_cast<size_t>(total - last["offset"].get<int>()));
  // Nothing found stays nothing found at the offset asked.
  auto none = nlohmann::json::parse(
      Get("/api/search", {{"q", "没有这个词组合甲乙丙"}, {"offset", "20"}})
          .body);
  CHECK(none["total"] == 0);
}

TEST_CASE("Bad API input is a 400 naming the parameter", "[api]") {
  struct Case {
    std::multimap<std::string, std::string> params;
    const char* parameter;
  };
  const Case cases[] = {
      {{{"q", ",。"}}, "q"},
      {{{"q", "\"unclosed"}}, "q"},
      {{{"q", "记者:"}}, "q"},
      {{{"q", "日期:2026-13-45"}}, "q"},
      {{{"date", "2026-13-45"}}, "date"},
      {{{"reporter", " "}}, "reporter"},
      {{{"topic", "没有这个主题"}}, "topic"},
      {{{"page", "0"}}, "page"},
      {{{"kind", "novel"}}, "kind"},
      {{{"q", "电梯"}, {"sort", "random"}}, "sort"},
      {{{"q", "电梯"}, {"facet_limit", "0"}}, "facet_limit"},
      {{{"q", std::string(5000, 'x')}}, "q"},
      {{{"q", "电梯"}, {"limit", "abc"}}, "limit"},
      {{{"q", "电梯"}, {"limit", "100000"}}, "limit"},
      {{{"q", "电梯"}, {"offset", "-5"}}, "offset"},
      {{{"q", "电梯"}, {"offset", "99999999999999"}}, "offset"},
      {{{"q", "\xC3\x28"}}, "q"},
  };
  std::multimap<std::string, std::string> many;
  for (int i = 0; i < 51; ++i)
    many.emplace("reporter", "记者" + std::to_string(i));
  CHECK(Get("/api/search", many).status == 400);
  for (const auto& c : cases) {
    INFO(c.parameter);
    HttpResponse r = Get("/api/search", c.params);
    CHECK(r.status == 400);
    auto body = nlohmann::json::parse(r.body);
    CHECK(body["error"]["parameter"] == c.parameter);
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
  }
}

TEST_CASE("GET /api/article returns the full record or 404", "[api]") {
  HttpResponse found = Get("/api/article", {{"id", "yzrb-20260609-02-06"}});
  CHECK(found.status == 200);
  auto article = nlohmann::json::parse(found.body);
  CHECK(article["paper"] == "云州日报");
  CHECK(article["paragraphs"].size() >= 3);
  CHECK(Get("/api/article", {{"id", "nope"}}).status == 404);
  CHECK(Get("/api/article").status == 400);
}

TEST_CASE("The UI is served and nothing else is", "[api]") {
  HttpResponse index = Get("/");
  CHECK(index.status == 200);
  CHECK(index.content_type.find("text/html") == 0);
  CHECK(index.body.find("lang=\"zh-CN\"") != std::string::npos);
  CHECK(Get("/static/app.js").status == 200);
  CHECK(Get("/static/../CMakeLists.txt").status == 404);
  CHECK(Get("/static/").status == 404);
  CHECK(Get("/static/.hidden").status == 404);
  CHECK(Get("/etc/passwd").status == 404);
  HttpRequest post;
  post.method = "POST";
  post.path = "/api/search";
  CHECK(SamplesApi().Handle(post).status == 405);
}

TEST_CASE("GET /healthz counts the articles", "[api]") {
  HttpResponse r = Get("/healthz");
  CHECK(r.status == 200);
  CHECK(nlohmann::json::parse(r.body)["articles"].get<int>() >= 70);
}

const Api& TopicsApi() {
  static const Api api(ApiConfig{testing::TopicsIndex(),
                                 testing::SourceDir() / "web" / "static"});
  return api;
}

HttpResponse GetFrom(const Api& api, const std::string& path,
                     std::multimap<std::string, std::string> params = {}) {
  HttpRequest request;
  request.path = path;
  request.params = std::move(params);
  return api.Handle(request);
}

TEST_CASE("Search, facets and export over HTTP handlers", "[api]") {
  SECTION("Search filters, sort and facets") {
    auto body = nlohmann::json::parse(Get("/api/search", {{"reporter", "高原"},
                                                          {"reporter", "马骁"},
                                                          {"sort", "oldest"},
                                                          {"limit", "100"},
                                                          {"facets", "1"}})
                                          .body);
    CHECK(body["total"] == 24);  // 12 + 14, less the 2 they wrote together.
    std::string last;
    for (const auto& hit : body["hits"]) {
      CHECK(hit["date"].get<std::string>() >= last);
      last = hit["date"];
    }
    const auto& reporters = body["facets"]["reporters"];
    CHECK(reporters[0]["value"] == "马骁");
    CHECK(body["facets"]["dates"]["granularity"] == "day");
    // The query language and the topic filter, with names.
    auto topic = nlohmann::json::parse(
        GetFrom(TopicsApi(), "/api/search", {{"q", "主题:交通出行 公交"}})
            .body);
    CHECK(topic["total"] == 2);
    CHECK(topic["hits"][0]["topics"][0]["label"] == "交通出行");
  }
  SECTION("GET /api/facets counts without hits") {
    auto body = nlohmann::json::parse(Get("/api/facets", {{"q", "民宿"}}).body);
    CHECK(body["total"] == 3);
    CHECK(body.count("hits") == 0);
    uint64_t sum = 0;
    for (const auto& b : body["facets"]["dates"]["buckets"]) {
      sum += b["count"].get<uint64_t>();
    }
    CHECK(sum == 3);
  }
  SECTION("GET /api/export: CSV for Excel, and JSON") {
    HttpResponse csv = GetFrom(TopicsApi(), "/api/export",
                               {{"sort", "oldest"}, {"headers", "ascii"}});
    CHECK(csv.status == 200);
    CHECK(csv.content_type.find("text/csv") == 0);
    CHECK(csv.body.rfind("\xEF\xBB\xBFid,date,page,title,reporters,column,"
                         "topics,url,lead\r\n",
                         0) == 0);
    CHECK(csv.body.find("yzrb-20240611-01-01,2024-06-11,1,老旧小区加装电梯提速,"
                        "张子珂,民生观察,住房与物业,"
                        "/article?id=yzrb-20240611-01-01,") !=
          std::string::npos);
    CHECK(csv.body.find("yzrb-20250611-02-01,2025-06-11,2,公交站台进小区,"
                        "张子珂 李明,民生观察,交通出行 住房与物业,") !=
          std::string::npos);
    // Quotes doubled, the field quoted because of the comma and quotes.
    CHECK(csv.body.find("\"<script>alert(1)</script>标题\"\"><img src=x "
                        "onerror=alert(2)>,a\"") != std::string::npos);
    bool attachment = false;
    for (const auto& [name, value] : csv.headers) {
      if (name == "Content-Disposition") {
        attachment = value.find("attachment") == 0;
      }
    }
    CHECK(attachment);
    CHECK(Get("/api/export", {{"headers", "latin"}}).status == 400);

    HttpResponse capped = Get("/api/export", {{"limit", "7"}});
    size_t lines = 0;
    for (char c : capped.body) lines += c == '\n';
    CHECK(lines == 8);  // Header and 7 rows.
    CHECK(capped.body.rfind("\xEF\xBB\xBF编号,日期,版次,标题,记者,栏目,主题,"
                            "链接,导语\r\n",
                            0) == 0);

    auto json = nlohmann::json::parse(
        Get("/api/export", {{"format", "json"}, {"q", "民宿"}}).body);
    CHECK(json["total"] == 3);
    CHECK(json["articles"].size() == 3);
    CHECK(json["row_limit"] == 1000);
    CHECK(json["articles"][0]["url"].get<std::string>().rfind("/article?id=",
                                                              0) == 0);
    CHECK(Get("/api/export", {{"format", "xlsx"}}).status == 400);
    CHECK(Get("/api/export", {{"limit", "1001"}}).status == 400);
    CHECK(Get("/api/export", {{"q", "\"open"}}).status == 400);
  }
}

TEST_CASE("Article pages and related articles", "[api]") {
  SECTION("GET /api/article: topics, keywords, neighbours, highlights") {
    auto a = nlohmann::json::parse(
        Get("/api/article", {{"id", "yzrb-20260609-02-06"}, {"q", "鎮邊堡村"}})
            .body);
    CHECK(a["headline"] == "长城脚下古堡村 民宿经济“热”起来");
    // GB/T 7714-2015, a newspaper article [N]: author, title, paper, date
    // and (page).
    CHECK(a["citation"] ==
          "高原. 长城脚下古堡村 民宿经济“热”起来[N]. 云州日报, "
          "2026-06-09(2).");
    CHECK_FALSE(a["keywords"].empty());
    CHECK_FALSE(a["related"].empty());
    for (const auto& r : a["related"]) CHECK(r["id"] != a["id"]);
    bool self_on_page = false;
    for (const auto& n : a["neighbours"]["same_page"]) {
      CHECK(n["page"] == 2);
      self_on_page |= n["id"] == a["id"];
    }
    CHECK(self_on_page);
    CHECK(a["neighbours"]["same_issue"].size() >
          a["neighbours"]["same_page"].size());
    // The traditional query marks the simplified text: [0, 4) of the first
    // paragraph is not it, "镇边堡村" comes after "北岳县".
    const auto& marks = a["highlights"]["paragraphs"][0];
    REQUIRE_FALSE(marks.empty());
    CHECK(marks[0] == nlohmann::json::array({6, 10}));
    // Every occurrence in every paragraph, far from the start too.
    const auto& paragraphs = a["paragraphs"];
    for (size_t i = 0; i < paragraphs.size(); ++i) {
      std::string p = paragraphs[i];
      size_t occurrences = 0;
      for (size_t at = p.find("镇边堡村"); at != std::string::npos;
           at = p.find("镇边堡村", at + 1)) {
        ++occurrences;
      }
      INFO("paragraph " << i);
      CHECK(a["highlights"]["paragraphs"][i].size() == occurrences);
    }
    auto headline = nlohmann::json::parse(
        Get("/api/article", {{"id", "yzrb-20260609-02-06"}, {"q", "民宿"}})
            .body);
    CHECK(headline["highlights"]["headline"] ==
          nlohmann::json::parse("[[8, 10]]"));

    auto t = nlohmann::json::parse(
        GetFrom(TopicsApi(), "/api/article", {{"id", "yzrb-20250611-02-01"}})
            .body);
    CHECK(t["topics"][0]["value"] == "transport");
    CHECK(t["topics"][0]["label"] == "交通出行");
    CHECK(t.count("highlights") == 0);  // No query, no marks.
  }
  SECTION("GET /api/related") {
    auto r = nlohmann::json::parse(
        Get("/api/related", {{"id", "yzrb-20260609-02-06"}, {"limit", "3"}})
            .body);
    CHECK(r["hits"].size() == 3);
    CHECK(Get("/api/related", {{"id", "nope"}}).status == 404);
    CHECK(Get("/api/related").status == 400);
    CHECK(Get("/api/related", {{"id", "yzrb-20260609-02-06"}, {"limit", "0"}})
              .status == 400);
  }
}

TEST_CASE("Hostile text comes back as JSON strings, unchanged", "[api]") {
  HttpResponse r =
      GetFrom(TopicsApi(), "/api/article", {{"id", testing::kHostileId}});
  REQUIRE(r.status == 200);
  auto a = nlohmann::json::parse(r.body);
  CHECK(a["headline"] == testing::kHostileHeadline);
  CHECK(a["column"] == "javascript:alert(3)");
  CHECK(r.content_type.find("application/json") == 0);
}

TEST_CASE("Every UI view is the one page, and parameters have limits",
          "[api]") {
  // The UI and the checks before a handler never open the index.
  const Api no_index(ApiConfig{testing::SourceDir() / "no-such-index",
                               testing::SourceDir() / "web" / "static"});
  auto Get = [&](const std::string& path,
                 std::multimap<std::string, std::string> params = {}) {
    return GetFrom(no_index, path, std::move(params));
  };
  for (const char* path :
       {"/search", "/article", "/topics", "/topic", "/reporters", "/reporter",
        "/columns", "/column", "/calendar", "/issue", "/page", "/onthisday"}) {
    INFO(path);
    HttpResponse r = Get(path, {{"id", "x"}});
    CHECK(r.status == 200);
    CHECK(r.body.find("/static/app.js") != std::string::npos);
  }
  CHECK(Get("/api/nothing").status == 404);
  CHECK(Get("/static/favicon.svg").content_type == "image/svg+xml");
  HttpResponse long_name =
      Get("/api/reporter", {{"name", std::string(3000, 'x')}});
  CHECK(long_name.status == 400);
  CHECK(nlohmann::json::parse(long_name.body)["error"]["parameter"] == "name");
}

TEST_CASE("An unknown address: a Chinese page for a browser, JSON for /api/",
          "[api]") {
  HttpRequest page;
  page.path = "/no-such-view";
  page.accept = "text/html,application/xhtml+xml,*/*;q=0.8";
  HttpResponse html = SamplesApi().Handle(page);
  CHECK(html.status == 404);
  CHECK(html.content_type.find("text/html") == 0);
  CHECK(html.body.find("lang=\"zh-CN\"") != std::string::npos);
  CHECK(html.body.find("没有这个页面") != std::string::npos);
  page.path = "/<script>";
  CHECK(SamplesApi().Handle(page).body.find("<script>") == std::string::npos);
  HttpRequest api = page;
  api.path = "/api/nothing";
  HttpResponse json = SamplesApi().Handle(api);
  CHECK(json.status == 404);
  CHECK(json.content_type.find("application/json") == 0);
  page.accept = "application/json";
  page.path = "/no-such-view";
  CHECK(SamplesApi().Handle(page).content_type.find("application/json") == 0);
}

TEST_CASE("CORS: only the origins allowed may read the API", "[api]") {
  const Api api(ApiConfig{testing::SamplesIndex(),
                          testing::SourceDir() / "web" / "static",
                          {"http://intranet.example:8080"}});
  auto header = [](const HttpResponse& r, const std::string& name) {
    for (const auto& [key, value] : r.headers) {
      if (key == name) return value;
    }
    return std::string();
  };
  HttpRequest request;
  request.path = "/api/fields";
  request.origin = "http://intranet.example:8080";
  HttpResponse allowed = api.Handle(request);
  CHECK(allowed.status == 200);
  CHECK(header(allowed, "Access-Control-Allow-Origin") ==
        "http://intranet.example:8080");
  CHECK(header(allowed, "Vary") == "Origin");
  request.method = "OPTIONS";
  HttpResponse preflight = api.Handle(request);
  CHECK(preflight.status == 204);
  CHECK(header(preflight, "Access-Control-Allow-Methods") == "GET, HEAD");
  request.origin = "http://elsewhere.example";
  CHECK(api.Handle(request).status == 405);
  request.method = "GET";
  CHECK(header(api.Handle(request), "Access-Control-Allow-Origin").empty());
  // Off by default.
  request.origin = "http://intranet.example:8080";
  CHECK(header(SamplesApi().Handle(request), "Access-Control-Allow-Origin")
            .empty());
}

TEST_CASE("An export is named after its query and states its row limit",
          "[api]") {
  HttpRequest request;
  request.path = "/api/export";
  request.params = {{"q", "民宿:*?"}, {"limit", "1"}};
  request.host = "baoku.example:8080";
  HttpResponse r = SamplesApi().Handle(request);
  REQUIRE(r.status == 200);
  std::map<std::string, std::string> headers(r.headers.begin(),
                                             r.headers.end());
  // 报库-民宿.csv, percent-encoded (RFC 5987), without : * ?.
  CHECK(headers["Content-Disposition"] ==
        "attachment; filename=\"baoku.csv\"; filename*=UTF-8''"
        "%E6%8A%A5%E5%BA%93-%E6%B0%91%E5%AE%BF.csv");
  CHECK(headers["X-Baoku-Row-Limit"] == "1000");
  CHECK(headers["X-Baoku-Truncated"] == "3");
  CHECK(r.body.find(",http://baoku.example:8080/article?id=yzrb-") !=
        std::string::npos);
  request.params = {{"format", "json"}};
  request.host = "evil\r\nx";
  HttpResponse json = SamplesApi().Handle(request);
  std::map<std::string, std::string> json_headers(json.headers.begin(),
                                                  json.headers.end());
  CHECK(json_headers["Content-Disposition"] ==
        "attachment; filename=\"baoku.json\"; filename*=UTF-8''"
        "%E6%8A%A5%E5%BA%93%E5%AF%BC%E5%87%BA.json");
  CHECK(nlohmann::json::parse(json.body)["articles"][0]["url"]
            .get<std::string>()
            .rfind("/article?id=", 0) == 0);
}

}  // namespace
}  // namespace baoku::web

namespace baoku::web {
namespace {

TEST_CASE("/api/search labels its total exact or 约, exact on request",
          "[api]") {
  for (const char* exact : {"0", "1"}) {
    INFO("exact=" << exact);
    HttpResponse r = Get("/api/search", {{"q", "的"}, {"exact", exact}});
    REQUIRE(r.status == 200);
    auto body = nlohmann::json::parse(r.body);
    uint64_t total = body["total"];
    REQUIRE(total > 0);
    // The samples hold far fewer matches than the estimate's bound.
    CHECK(body["total_exact"] == true);
    CHECK(body["total_label"] == std::to_string(total));
    // Facets say whether they counted every match (not when the count
    // stopped at the time budget), as does /api/facets.
    for (const char* path : {"/api/search", "/api/facets"}) {
      INFO(path);
      auto faceted = nlohmann::json::parse(
          Get(path, {{"q", "的"}, {"exact", exact}, {"facets", "1"}}).body);
      CHECK(faceted["total_exact"] == true);
      CHECK(faceted["facets_exact"] == true);
      CHECK(faceted["facets_counted"] == total);
      CHECK(faceted["facets"].contains("kinds"));
    }
  }
}

TEST_CASE("/api/search echoes the filters in force, with labels", "[api]") {
  auto r = nlohmann::json::parse(GetFrom(TopicsApi(), "/api/search",
                                         {{"q", "公交"},
                                          {"topic", "transport"},
                                          {"page", "1"},
                                          {"kind", "news"},
                                          {"date", "2026-06"},
                                          {"reporter", "李明"}})
                                     .body);
  // In parameter order (the request's, sorted by name).
  CHECK(r["filters"] == nlohmann::json::parse(R"([
      {"field": "date", "value": "2026-06", "label": "2026年6月"},
      {"field": "kind", "value": "news", "label": "消息"},
      {"field": "page", "value": "1", "label": "第1版"},
      {"field": "reporter", "value": "李明", "label": "李明"},
      {"field": "topic", "value": "transport", "label": "交通出行"}])"));
  CHECK(r["total"] == 1);
  // None: an empty list, never a missing field.
  auto plain = nlohmann::json::parse(
      GetFrom(TopicsApi(), "/api/search", {{"q", "公交"}}).body);
  CHECK(plain["filters"] == nlohmann::json::array());
}

// Every counted list of the API has one entry shape, {"value", "label",
// "count"}; an article's topics are {"value", "label", "score"} and a title
// is a string wherever an article appears. A route that answers in another
// shape (an "id"/"name" list, {"year", "count"}, a title object) fails here.
TEST_CASE("One shape per thing across the routes", "[api]") {
  auto get = [](const std::string& path,
                std::multimap<std::string, std::string> params = {}) {
    HttpResponse r = GetFrom(TopicsApi(), path, std::move(params));
    INFO(path << ": " << r.body.substr(0, 200));
    REQUIRE(r.status == 200);
    return nlohmann::json::parse(r.body);
  };
  using Keys = std::set<std::string>;
  auto keys_of = [](const nlohmann::json& entry) {
    Keys keys;
    for (const auto& item : entry.items()) keys.insert(item.key());
    return keys;
  };
  // Counted lists: where they come from, the list, keys allowed beyond the
  // three.
  std::vector<std::tuple<std::string, nlohmann::json, Keys>> lists;
  auto add = [&](const std::string& where, const nlohmann::json& list,
                 Keys extra = {}) {
    lists.emplace_back(where, list, std::move(extra));
  };
  auto search = get("/api/search", {{"q", "公交 OR 物业"}, {"facets", "1"}});
  for (const auto& [key, list] : search["facets"].items()) {
    if (key != "dates") add("search facets " + key, list);
  }
  add("search dates", search["facets"]["dates"]["buckets"]);
  auto topics = get("/api/topics");
  add("/api/topics", topics["topics"], {"name_en", "timeline"});
  add("/api/topics timeline", topics["topics"][0]["timeline"]["buckets"]);
  add("/api/reporters", get("/api/reporters")["reporters"]);
  add("/api/columns", get("/api/columns")["columns"]);
  auto topic = get("/api/topic", {{"id", "housing"}});
  for (const char* key : {"years", "reporters", "columns"}) {
    add(std::string("/api/topic ") + key, topic[key]);
  }
  add("/api/topic timeline", topic["timeline"]["buckets"]);
  auto reporter = get("/api/reporter", {{"name", "张子珂"}});
  for (const char* key : {"years", "topics", "columns", "coauthors"}) {
    add(std::string("/api/reporter ") + key, reporter[key]);
  }
  add("/api/reporter timeline", reporter["timeline"]["buckets"]);
  add("/api/column", get("/api/column", {{"name", "民生观察"}})["reporters"]);
  add("/api/calendar", get("/api/calendar")["days"]);
  add("/api/suggest", get("/api/suggest", {{"field", "topic"},
                                           {"prefix", "o"}})["suggestions"]);
  auto examples = get("/api/examples");
  for (const char* key : {"reporters", "columns", "topics", "pages"}) {
    add(std::string("/api/examples ") + key,
        nlohmann::json::array({examples[key]}));
  }
  for (const auto& [where, list, extra] : lists) {
    INFO(where << ": " << list.dump());
    REQUIRE(list.is_array());
    REQUIRE_FALSE(list.empty());  // Else the check below proves nothing.
    for (const auto& entry : list) {
      Keys keys = keys_of(entry);
      for (const auto& k : extra) keys.erase(k);
      CHECK(keys == Keys{"value", "label", "count"});
      CHECK(entry["value"].is_string());
      CHECK(entry["label"].is_string());
      CHECK(entry["count"].is_number_unsigned());
    }
  }

  // An article wherever it appears: a hit, a brief, the article itself.
  std::vector<std::pair<std::string, nlohmann::json>> articles;
  for (const auto& hit : search["hits"]) articles.emplace_back("hit", hit);
  for (const auto& brief : topic["recent"]) {
    articles.emplace_back("brief", brief);
  }
  std::string id = search["hits"][0]["id"];
  auto article = get("/api/article", {{"id", id}});
  articles.emplace_back("article", article);
  for (const auto& r : article["related"]) articles.emplace_back("related", r);
  // Held: a range-for over a member of a temporary would read freed JSON.
  const auto related = get("/api/related", {{"id", id}});
  for (const auto& hit : related["hits"]) {
    articles.emplace_back("/api/related", hit);
  }
  REQUIRE(articles.size() > 3);
  bool tagged = false;
  for (const auto& [where, a] : articles) {
    INFO(where << ": " << a.dump().substr(0, 300));
    CHECK(a["title"].is_string());
    for (const auto& t : a["topics"]) {
      CHECK(keys_of(t) == Keys{"value", "label", "score"});
      tagged = true;
    }
  }
  CHECK(tagged);
  // The marks of a hit's title sit beside it, like an article's.
  CHECK(search["hits"][0]["highlights"]["title"].is_array());
  const auto fields = get("/api/fields");
  for (const auto& kind : fields["kinds"]) {
    CHECK(keys_of(kind) == Keys{"value", "label"});
  }
}

}  // namespace
}  // namespace baoku::web

namespace baoku::web {
namespace {

// The reason of `part` in `where` among a hit's "why", or null.
nlohmann::json ReasonOf(const nlohmann::json& hit, const std::string& part,
                        const std::string& where) {
  for (const auto& r : hit["why"]) {
    if (r["part"] == part && r["where"] == where) return r;
  }
  return nullptr;
}

TEST_CASE("/api/search: each hit says why it matched (为什么匹配)",
          "[api][why]") {
  // Typed in traditional characters, with a partial reporter's name and a
  // month; the article prints 镇边堡村 and is by 高原.
  HttpResponse r = Get("/api/search", {{"q", "鎮邊堡村 记者:高 日期:2026-06"},
                                       {"kind", "news"}});
  REQUIRE(r.status == 200);
  auto body = nlohmann::json::parse(r.body);
  REQUIRE(body["hits"].size() == 1);
  const auto& hit = body["hits"][0];
  REQUIRE(hit["why"].is_array());

  auto body_reason = ReasonOf(hit, "鎮邊堡村", "body");
  REQUIRE(body_reason.is_object());
  CHECK(body_reason["where_label"] == "正文");
  CHECK(body_reason["printed"] == "镇边堡村");
  CHECK(body_reason["forms"] == nlohmann::json::array({"variant"}));
  CHECK(body_reason["form_labels"] == nlohmann::json::array({"繁简转换"}));
  CHECK(body_reason["count"].get<int>() >= 2);
  CHECK(body_reason["parameter"] == "q");
  CHECK(body_reason["offset"] == 0);

  auto name = ReasonOf(hit, "记者:高", "reporter");
  REQUIRE(name.is_object());
  CHECK(name["printed"] == "高原");
  CHECK(name["forms"] == nlohmann::json::array({"partial_name"}));
  auto month = ReasonOf(hit, "日期:2026-06", "date");
  REQUIRE(month.is_object());
  CHECK(month["printed"] == "2026-06-09");
  CHECK(month["form_labels"] == nlohmann::json::array({"日期范围"}));
  auto kind = ReasonOf(hit, "类型:news", "kind");
  REQUIRE(kind.is_object());
  CHECK(kind["parameter"] == "kind");
  CHECK(kind["printed"] == "消息");
  CHECK(kind["forms"] == nlohmann::json::array({"alias"}));
}

}  // namespace
}  // namespace baoku::web

namespace baoku::web {
namespace {

TEST_CASE("The 版位 facet counts 头版, 头条 and 有图 and each filters",
          "[api][prominence]") {
  auto all = nlohmann::json::parse(
      Get("/api/facets", {{"facets", "1"}, {"facet_limit", "200"}}).body);
  std::map<std::string, uint64_t> counts;
  for (const auto& v : all["facets"]["prominence"]) {
    counts[v["value"].get<std::string>()] = v["count"].get<uint64_t>();
  }
  REQUIRE(counts.size() == 3);
  // One lead per page of the samples (27 pages, each with a story).
  CHECK(counts["头条"] == 27);
  auto front = nlohmann::json::parse(Get("/api/facets", {{"page", "1"}}).body);
  CHECK(counts["头版"] == front["total"]);
  for (const auto& [value, count] : counts) {
    INFO(value);
    auto filtered = nlohmann::json::parse(
        Get("/api/search", {{"prominence", value}, {"limit", "100"}}).body);
    CHECK(filtered["total"] == count);
    for (const auto& hit : filtered["hits"]) {
      const auto& labels = hit["prominence"];
      CHECK(std::find(labels.begin(), labels.end(), value) != labels.end());
    }
    // The query language's name for it, traditional too.
    auto typed = nlohmann::json::parse(
        Get("/api/search", {{"q", "版位:" + value}}).body);
    CHECK(typed["total"] == count);
  }
  auto lead = nlohmann::json::parse(
      Get("/api/search", {{"q", "城市大脑"}, {"prominence", "頭條"}}).body);
  REQUIRE(lead["total"] == 1);
  CHECK(lead["hits"][0]["id"] == "yzrb-20260611-01-01");
  CHECK(lead["hits"][0]["prominence"] ==
        nlohmann::json::array({"头版", "头条"}));
}

TEST_CASE("sort=prominence ranks the same matches with the prior",
          "[api][prominence]") {
  auto plain = nlohmann::json::parse(
      Get("/api/search", {{"q", "管网"}, {"limit", "100"}}).body);
  auto prior = nlohmann::json::parse(
      Get("/api/search",
          {{"q", "管网"}, {"sort", "prominence"}, {"limit", "100"}})
          .body);
  CHECK(prior["total"] == plain["total"]);
  std::set<std::string> a, b;
  for (const auto& hit : plain["hits"]) a.insert(hit["id"]);
  for (const auto& hit : prior["hits"]) b.insert(hit["id"]);
  CHECK(a == b);
  HttpResponse bad = Get("/api/search", {{"q", "管网"}, {"sort", "头版"}});
  CHECK(bad.status == 400);
  CHECK(bad.body.find("prominence") != std::string::npos);
}

}  // namespace
}  // namespace baoku::web
