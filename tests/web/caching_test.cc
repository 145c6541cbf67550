// HTTP validators (web/src/caching.h) and the Api's answers with them: a
// per-revision ETag on /api/ routes, a file ETag on the UI's files, 304 on
// a matching If-None-Match.
#include "caching.h"

#include <catch2/catch.hpp>

#include "../search/search_fixture.h"
#include "api_fixture.h"
#include "baoku/web/api.h"
#include "test_support.h"

namespace baoku::web {
namespace {

using testing::SamplesApi;

std::string HeaderOf(const HttpResponse& r, const std::string& name) {
  for (const auto& [key, value] : r.headers) {
    if (key == name) return value;
  }
  return "";
}

TEST_CASE("If-None-Match compares tags weakly, in lists and as *",
          "[caching]") {
  using internal::NoneMatchHits;
  CHECK(NoneMatchHits("W/\"r12\"", "W/\"r12\""));
  CHECK(NoneMatchHits("\"r12\"", "W/\"r12\""));
  CHECK(NoneMatchHits("\"x\", W/\"r12\" ", "W/\"r12\""));
  CHECK(NoneMatchHits(" * ", "W/\"r12\""));
  CHECK_FALSE(NoneMatchHits("W/\"r11\"", "W/\"r12\""));
  CHECK_FALSE(NoneMatchHits("", "W/\"r12\""));
  CHECK_FALSE(NoneMatchHits("*", ""));  // Nothing tagged: never a 304.
  CHECK(internal::RevisionTag("r7") == "W/\"r7\"");
}

TEST_CASE("Per-revision answers carry an ETag and turn 304 on a match",
          "[caching]") {
  const Api& api = SamplesApi();
  HttpRequest request;
  request.path = "/api/search";
  request.params = {{"q", "公交"}};
  HttpResponse first = api.Handle(request);
  REQUIRE(first.status == 200);
  std::string tag = HeaderOf(first, "ETag");
  REQUIRE(tag.rfind("W/\"r", 0) == 0);
  CHECK(HeaderOf(first, "Cache-Control") == "no-cache");

  request.if_none_match = tag;
  HttpResponse again = api.Handle(request);
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(HeaderOf(again, "ETag") == tag);

  request.if_none_match = "W/\"r0\"";
  CHECK(api.Handle(request).status == 200);

  // A bad request is not tagged; "on this day" for today is not per
  // revision.
  HttpRequest bad;
  bad.path = "/api/search";
  bad.params = {{"limit", "x"}};
  CHECK(HeaderOf(api.Handle(bad), "ETag").empty());
  HttpRequest today;
  today.path = "/api/onthisday";
  CHECK(HeaderOf(api.Handle(today), "ETag").empty());
}

TEST_CASE("The UI's files carry a file ETag and turn 304 on a match",
          "[caching]") {
  const Api& api = SamplesApi();
  HttpRequest request;
  request.path = "/static/app.js";
  HttpResponse first = api.Handle(request);
  REQUIRE(first.status == 200);
  std::string tag = HeaderOf(first, "ETag");
  CHECK(tag ==
        internal::FileTag(testing::SourceDir() / "web" / "static" / "app.js"));
  request.if_none_match = tag;
  CHECK(api.Handle(request).status == 304);
  // A name StaticFile refuses is a 404 whatever the client sends.
  HttpRequest outside;
  outside.path = "/static/../CMakeLists.txt";
  outside.if_none_match = "*";
  CHECK(api.Handle(outside).status == 404);
}

}  // namespace
}  // namespace baoku::web
