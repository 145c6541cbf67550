// /api/saved, /api/feed and the correction links of /api/article on the
// sample archive (each test case runs in its own process, with its own
// sample index and so its own saved-search store).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../search/search_fixture.h"
#include "api_fixture.h"
#include "baoku/search/saved_searches.h"
#include "baoku/web/api.h"
#include "test_support.h"

namespace baoku::web {
namespace {

using testing::SamplesApi;

HttpResponse Call(const std::string& method, const std::string& path,
                  std::multimap<std::string, std::string> params = {}) {
  HttpRequest request;
  request.method = method;
  request.path = path;
  request.params = std::move(params);
  request.host = "127.0.0.1:8080";
  return SamplesApi().Handle(request);
}

std::string IdOf(const std::string& headline) {
  for (const auto& a : testing::SampleArticles()) {
    if (a.headline == headline) return a.id;
  }
  throw std::runtime_error("no sample article " + headline);
}

TEST_CASE("Saved searches live where --saved-searches puts them",
          "[api][saved]") {
  // The index read-only (systemd's ProtectSystem=strict): the store is
  // elsewhere, and nothing is written beside the index.
  testing::TempDir dir;
  const auto beside =
      search::SavedSearchStore::PathBeside(testing::SamplesIndex());
  std::filesystem::remove(beside);
  const Api api(ApiConfig{testing::SamplesIndex(),
                          testing::SourceDir() / "web" / "static",
                          {},
                          dir / "state" / "searches.sqlite"});
  std::filesystem::create_directories(dir / "state");
  HttpRequest save;
  save.method = "POST";
  save.path = "/api/saved";
  save.params = {{"name", "足球"}, {"q", "足球"}};
  save.host = "127.0.0.1:8080";
  REQUIRE(api.Handle(save).status == 201);
  CHECK(std::filesystem::exists(dir / "state" / "searches.sqlite"));
  CHECK_FALSE(std::filesystem::exists(beside));
  HttpRequest list;
  list.path = "/api/saved";
  auto listed = nlohmann::json::parse(api.Handle(list).body);
  REQUIRE(listed["saved"].size() == 1);
  CHECK(listed["saved"][0]["name"] == "足球");
  // The default Api still reads the store beside the index: none there.
  CHECK(nlohmann::json::parse(Call("GET", "/api/saved").body)["saved"].empty());
}

TEST_CASE("Saved searches over the API", "[api][saved]") {
  std::filesystem::remove(
      search::SavedSearchStore::PathBeside(testing::SamplesIndex()));
  auto empty = nlohmann::json::parse(Call("GET", "/api/saved").body);
  CHECK(empty["saved"].empty());
  CHECK(empty["latest_issue"] == "2026-06-17");

  HttpResponse created =
      Call("POST", "/api/saved",
           {{"name", "本报足球"}, {"q", "足球"}, {"source", "本报"}});
  REQUIRE(created.status == 201);
  auto saved = nlohmann::json::parse(created.body);
  CHECK(saved["name"] == "本报足球");
  CHECK(saved["feed"] ==
        "/api/feed?saved=" + std::to_string(saved["id"].get<int>()));

  auto list = nlohmann::json::parse(Call("GET", "/api/saved").body);
  REQUIRE(list["saved"].size() == 1);
  const auto& entry = list["saved"][0];
  CHECK(entry["q"] == "足球");
  CHECK(entry["filters"][0]["field"] == "source");
  CHECK(entry["total"].get<int>() >= 1);
  CHECK(entry["new"].get<int>() >= 1);  // The league, in the 06-17 issue.
  CHECK(entry["new"].get<int>() <= entry["total"].get<int>());
  CHECK(entry["search"].get<std::string>().find("/search?q=") == 0);

  // Bad input names the parameter; nothing is saved.
  CHECK(Call("POST", "/api/saved", {{"name", "本报足球"}, {"q", "篮球"}})
            .status == 409);
  auto bad_query =
      Call("POST", "/api/saved", {{"name", "坏的"}, {"q", "\"未闭合"}});
  CHECK(bad_query.status == 400);
  CHECK(nlohmann::json::parse(bad_query.body)["error"]["parameter"] == "q");
  auto no_name = Call("POST", "/api/saved", {{"q", "足球"}});
  CHECK(no_name.status == 400);
  CHECK(nlohmann::json::parse(no_name.body)["error"]["parameter"] == "name");
  CHECK(Call("PUT", "/api/saved").status == 405);
  CHECK(Call("POST", "/api/search", {{"q", "足球"}}).status == 405);

  // Another site's page cannot write (a cross-site form POST); this
  // server's own pages can.
  HttpRequest forged;
  forged.method = "POST";
  forged.path = "/api/saved";
  forged.params = {{"name", "伪造"}, {"q", "足球"}};
  forged.host = "127.0.0.1:8080";
  forged.origin = "http://evil.example";
  HttpResponse refused = SamplesApi().Handle(forged);
  CHECK(refused.status == 403);
  CHECK(nlohmann::json::parse(refused.body)["error"]["parameter"] == "Origin");
  forged.origin = "http://127.0.0.1:8080";
  forged.params = {{"name", "本站"}, {"q", "足球"}};
  HttpResponse own = SamplesApi().Handle(forged);
  REQUIRE(own.status == 201);
  std::string own_id =
      std::to_string(nlohmann::json::parse(own.body)["id"].get<int>());
  CHECK(Call("DELETE", "/api/saved", {{"id", own_id}}).status == 200);
  CHECK(SameOrigin("https://127.0.0.1:8080", "127.0.0.1:8080"));
  CHECK_FALSE(SameOrigin("http://127.0.0.1:80801", "127.0.0.1:8080"));

  std::string id = std::to_string(saved["id"].get<int>());
  CHECK(Call("DELETE", "/api/saved", {{"id", "x1"}}).status == 400);
  CHECK(Call("POST", "/api/saved/delete", {{"id", id}}).status == 200);
  CHECK(Call("DELETE", "/api/saved", {{"id", id}}).status == 404);
  CHECK(nlohmann::json::parse(Call("GET", "/api/saved").body)["saved"].empty());
}

TEST_CASE("Atom feeds of a reporter and of a saved search", "[api][atom]") {
  HttpResponse feed = Call("GET", "/api/feed", {{"reporter", "高原"}});
  REQUIRE(feed.status == 200);
  CHECK(feed.content_type.find("application/atom+xml") == 0);
  CHECK(feed.body.find("<title>云州日报 · 记者:高原</title>") !=
        std::string::npos);
  CHECK(feed.body.find("href=\"http://127.0.0.1:8080/article?id=yzrb-") !=
        std::string::npos);
  // Newest first: the first entry is of the latest issue with 高原.
  size_t first = feed.body.find("<entry>");
  CHECK(feed.body.find("2026-06-17T00:00:00+08:00", first) <
        feed.body.find("2026-06-10T00:00:00+08:00", first));

  auto created = nlohmann::json::parse(
      Call("POST", "/api/saved", {{"name", "海关"}, {"q", "海关"}}).body);
  std::string id = std::to_string(created["id"].get<int>());
  HttpResponse saved = Call("GET", "/api/feed", {{"saved", id}});
  REQUIRE(saved.status == 200);
  CHECK(saved.body.find("保存的检索:海关") != std::string::npos);
  CHECK(saved.body.find("<entry>") != std::string::npos);
  CHECK(Call("GET", "/api/feed", {{"saved", "999"}}).status == 404);
  CHECK(Call("GET", "/api/feed", {{"saved", "abc"}}).status == 400);
  CHECK(Call("GET", "/api/feed", {{"q", "\"未闭合"}}).status == 400);
}

TEST_CASE("An article shows its correction, the notice links back",
          "[api][correction]") {
  std::string original = IdOf("前5个月全市外贸进出口总值86.4亿元");
  auto body = nlohmann::json::parse(
      Call("GET", "/api/article", {{"id", original}}).body);
  const auto& corrections = body["correction_links"]["corrections"];
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0]["kind"] == "correction");
  CHECK(corrections[0]["text"].get<std::string>().find("应为") !=
        std::string::npos);
  auto notice = nlohmann::json::parse(
      Call("GET", "/api/article", {{"id", corrections[0]["id"]}}).body);
  REQUIRE(notice["correction_links"]["corrects"].size() == 1);
  CHECK(notice["correction_links"]["corrects"][0]["id"] == original);
  CHECK(notice["correction_links"]["corrections"].empty());
}

}  // namespace
}  // namespace baoku::web
