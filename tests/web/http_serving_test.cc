// baoku-serve over HTTP as a client sees it: hundreds of requests on one
// keep-alive connection, gzip of JSON when accepted, ETag and 304.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "../search/search_fixture.h"
#include "serve_fixture.h"

namespace baoku::web {
namespace {

using testing::Count;
using testing::Gunzip;
using testing::RawHttp;

struct Reply {
  std::string head;  // Lower-cased.
  std::string body;
};

Reply Exchange(int port, const std::string& target,
               const std::string& extra_headers = "") {
  std::string raw =
      RawHttp(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" +
                        extra_headers + "Connection: close\r\n\r\n");
  size_t end = raw.find("\r\n\r\n");
  REQUIRE(end != std::string::npos);
  Reply r{raw.substr(0, end), raw.substr(end + 4)};
  for (char& c : r.head) c = static_cast<char>(std::tolower(c));
  return r;
}

std::string HeaderValue(const Reply& r, const std::string& name) {
  size_t at = r.head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return r.head.substr(at, r.head.find("\r\n", at) - at);
}

TEST_CASE("One keep-alive connection serves hundreds of requests",
          "[server][http]") {
  testing::ServeProcess server(testing::SamplesIndex());
  // Pipelined: 300 requests in one write, the last one closing.
  constexpr int kRequests = 300;
  std::string requests;
  for (int i = 0; i < kRequests; ++i) {
    requests += "GET /api/fields HTTP/1.1\r\nHost: localhost\r\n";
    if (i + 1 == kRequests) requests += "Connection: close\r\n";
    requests += "\r\n";
  }
  std::string raw = RawHttp(server.port(), requests, 30000);
  CHECK(Count(raw, "HTTP/1.1 200 OK\r\n") == kRequests);
  CHECK(Count(raw, "Connection: close") == 1);
  CHECK(raw.find("max=1000") != std::string::npos);
}

TEST_CASE("JSON is gzipped when the client accepts it", "[server][http]") {
  testing::ServeProcess server(testing::SamplesIndex());
  const std::string target = "/api/search?q=%E5%85%AC%E4%BA%A4&limit=20";
  Reply plain = Exchange(server.port(), target);
  CHECK(HeaderValue(plain, "content-encoding").empty());
  CHECK(HeaderValue(plain, "vary") == "accept-encoding");
  Reply gzipped =
      Exchange(server.port(), target, "Accept-Encoding: gzip, deflate\r\n");
  CHECK(HeaderValue(gzipped, "content-encoding") == "gzip");
  CHECK(gzipped.body.size() < plain.body.size());
  REQUIRE(plain.body.size() > 1024);
  auto want = nlohmann::json::parse(plain.body);
  auto got = nlohmann::json::parse(Gunzip(gzipped.body));
  CHECK(got == want);
  // q=0 refuses gzip.
  Reply refused =
      Exchange(server.port(), target, "Accept-Encoding: gzip;q=0\r\n");
  CHECK(HeaderValue(refused, "content-encoding").empty());
}

TEST_CASE("A matching If-None-Match gets 304 over HTTP", "[server][http]") {
  testing::ServeProcess server(testing::SamplesIndex());
  for (const char* target : {"/api/topics", "/static/app.js", "/"}) {
    INFO(target);
    Reply first = Exchange(server.port(), target);
    std::string tag = HeaderValue(first, "etag");
    REQUIRE_FALSE(tag.empty());
    CHECK(HeaderValue(first, "cache-control") == "no-cache");
    // Tags are compared as sent; the lower-cased head holds w/ for W/.
    if (tag.rfind("w/", 0) == 0) tag.replace(0, 2, "W/");
    Reply again =
        Exchange(server.port(), target, "If-None-Match: " + tag + "\r\n");
    CHECK(again.head.rfind("http/1.1 304", 0) == 0);
    CHECK(again.body.empty());
  }
}

}  // namespace
}  // namespace baoku::web
