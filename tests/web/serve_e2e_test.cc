// End to end: the real binaries, a real index on disk, HTTP over loopback.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>

#include "serve_fixture.h"
#include "test_support.h"

namespace baoku::web {
namespace {

using testing::Tool;

// Starts baoku-serve on an ephemeral loopback port; returns the port.
int StartServer(testing::ChildProcess& server) {
  int port = testing::ReadServePort(server);
  REQUIRE(port > 0);
  return port;
}

nlohmann::json Search(httplib::Client& client, const std::string& q) {
  auto res =
      client.Get("/api/search?q=" + httplib::detail::encode_query_param(q));
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return nlohmann::json::parse(res->body);
}

TEST_CASE("Index the samples, serve them, search over HTTP", "[e2e]") {
  testing::TempDir dir;
  std::string out;
  REQUIRE(testing::Run(
              {Tool("indexer", "baoku-index"), "--db", (dir / "db").string(),
               "--quiet", testing::SamplesDir().string()},
              &out) == 0);
  CHECK(out.find("0 failed") != std::string::npos);

  testing::ChildProcess server({Tool("web", "baoku-serve"), "--db",
                                (dir / "db").string(), "--port", "0",
                                "--quiet"});
  int port = StartServer(server);
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(20, 0);

  auto hits = Search(client, "镇边堡村");
  CHECK(hits["total"] == 1);
  CHECK(hits["hits"][0]["id"] == "yzrb-20260609-02-06");
  CHECK(Search(client, "ＹｕｎＧｏ")["hits"][0]["id"] == "yzrb-20260610-02-02");
  CHECK(Search(client, "“网红”地标")["hits"][0]["id"] == "yzrb-20260610-03-04");

  auto bad = client.Get("/api/search?q=");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Security-Policy").find("default-src") ==
        0);

  // A commit of a concurrent indexer is visible without a restart.
  testing::WriteFile(dir / "new/2026-06-13/01.txt",
                     "夜间公交专线开通\n\n本报记者 马骁\n\n"
                     "6月12日,云州市首条夜间公交专线“星光1号线”正式开通。\n");
  REQUIRE(testing::Run({Tool("indexer", "baoku-index"), "--db",
                        (dir / "db").string(), "--quiet",
                        (dir / "new").string()}) == 0);
  CHECK(Search(client, "星光1号线")["total"] == 1);

  CHECK(server.Stop(SIGTERM) == 0);  // Graceful shutdown.
}

TEST_CASE("The seed page: 维修资金 and 张子珂 find the housing fund article",
          "[seed]") {
  auto seed = testing::SeedPage();
  if (seed.empty()) {
    std::cout << "SKIPPED: seed end-to-end test: ../shared/seed not found\n";
    std::exit(testing::kSkipExitCode);
  }
  testing::TempDir dir;
  REQUIRE(testing::Run({Tool("indexer", "baoku-index"), "--db",
                        (dir / "db").string(), "--quiet", "--date",
                        "2026-06-11", "--page", "1", seed.string()}) == 0);
  testing::ChildProcess server({Tool("web", "baoku-serve"), "--db",
                                (dir / "db").string(), "--port", "0",
                                "--quiet"});
  httplib::Client client("127.0.0.1", StartServer(server));
  for (const char* q : {"维修资金", "张子珂"}) {
    INFO(q);
    auto r = Search(client, q);
    REQUIRE_FALSE(r["hits"].empty());
    CHECK(r["hits"][0]["headline"] == "不让房屋“养老金”再“沉睡”");
    CHECK(r["hits"][0]["reporters"] == nlohmann::json::array({"张子珂"}));
  }
  CHECK(server.Stop(SIGTERM) == 0);
}

}  // namespace
}  // namespace baoku::web
