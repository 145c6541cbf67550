// baoku-serve's command line: a --cors-origin that is not an origin is
// refused before anything is served, with a message naming the option and
// the value; a good one lets that origin's pages, and only those, read the
// API.
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "../search/search_fixture.h"
#include "serve_fixture.h"

namespace baoku::web {
namespace {

// The value of header `name` (lower-case) in a raw HTTP response; empty
// when absent.
std::string HeaderValue(const std::string& raw, const std::string& name) {
  std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  std::string lower = head;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  size_t at = lower.find("\r\n" + name + ":");
  if (at == std::string::npos) return "";
  size_t begin = at + 2 + name.size() + 1;
  size_t end = head.find("\r\n", begin);
  std::string value = head.substr(begin, end - begin);
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  return value;
}

std::string GetWithOrigin(int port, const std::string& origin) {
  return testing::RawHttp(port,
                          "GET /api/fields HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Origin: " +
                              origin + "\r\nConnection: close\r\n\r\n");
}

TEST_CASE("baoku-serve refuses a --cors-origin that is not an origin",
          "[serve][cors]") {
  // The index does not exist: were a value let through, the message would
  // be about the index instead, and the test would fail, not hang.
  testing::TempDir dir;
  for (const std::string bad :
       {"intranet.example", "ftp://intranet.example", "http://",
        "http://intranet.example/tools", "*"}) {
    INFO(bad);
    std::string out;
    int status =
        testing::Run({"/bin/sh", "-c",
                      testing::Tool("web", "baoku-serve") + " --db '" +
                          (dir / "none").string() +
                          "' --port 0 --cors-origin '" + bad + "' 2>&1"},
                     &out);
    INFO(out);
    CHECK(status != 0);
    CHECK(out.find("--cors-origin") != std::string::npos);
    CHECK(out.find("not an origin") != std::string::npos);
    CHECK(out.find(bad) != std::string::npos);
  }
}

TEST_CASE(
    "baoku-serve with --cors-origin allows the origins listed and no other",
    "[serve][cors]") {
  testing::ServeProcess server(testing::SamplesIndex(),
                               {"--cors-origin", "http://intranet.example:8080",
                                "--cors-origin", "https://tools.example"});
  for (const std::string origin :
       {"http://intranet.example:8080", "https://tools.example"}) {
    std::string raw = GetWithOrigin(server.port(), origin);
    INFO(raw.substr(0, 600));
    CHECK(raw.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(HeaderValue(raw, "access-control-allow-origin") == origin);
  }
  for (const std::string origin :
       {"http://elsewhere.example", "http://intranet.example:8081",
        "https://intranet.example:8080"}) {
    std::string raw = GetWithOrigin(server.port(), origin);
    INFO(raw.substr(0, 600));
    CHECK(raw.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(HeaderValue(raw, "access-control-allow-origin").empty());
  }
}

}  // namespace
}  // namespace baoku::web
