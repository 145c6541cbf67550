#include "baoku/web/api.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../search/search_fixture.h"
#include "test_support.h"

namespace baoku::web {
namespace {

const Api& SamplesApi() {
  static const Api api(ApiConfig{testing::SamplesIndex(),
                                 testing::SourceDir() / "web" / "static"});
  return api;
}

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

}  // namespace
}  // namespace baoku::web
