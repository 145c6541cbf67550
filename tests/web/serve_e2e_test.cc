// End to end: the real binaries, a real index on disk, HTTP over loopback.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>

#include "serve_fixture.h"
#include "test_support.h"
#include "topics_fixture.h"

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

  auto bad = client.Get("/api/search?q=%22unclosed");
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

// The topic fixture (topics over three years, a hostile article) indexed by
// the real baoku-index and served by the real baoku-serve.
struct TopicServer {
  testing::TempDir dir;
  std::unique_ptr<testing::ChildProcess> server;
  std::unique_ptr<httplib::Client> client;

  TopicServer() {
    testing::WriteTopicArticles(dir.path());
    REQUIRE(testing::Run({Tool("indexer", "baoku-index"), "--db",
                          (dir / "db").string(), "--quiet", "--topics", "none",
                          (dir / "topics.ndjson").string()}) == 0);
    testing::WriteTaxonomy(dir / "db");
    server = std::make_unique<testing::ChildProcess>(std::vector<std::string>{
        Tool("web", "baoku-serve"), "--db", (dir / "db").string(), "--port",
        "0", "--threads", "2", "--quiet"});
    client =
        std::make_unique<httplib::Client>("127.0.0.1", StartServer(*server));
    client->set_read_timeout(20, 0);
  }
};

TEST_CASE("Every API route over HTTP, with its errors", "[e2e]") {
  TopicServer s;
  struct Case {
    std::string target;
    int status;
    std::string expect;  // In the body.
  };
  const std::string housing = "%E4%BD%8F%E6%88%BF";  // 住房
  const Case cases[] = {
      {"/healthz", 200, "\"articles\":5"},
      {"/api/search?q=%E5%85%AC%E4%BA%A4&facets=1", 200, "\"total\":2"},
      {"/api/search?topic=housing&sort=newest", 200, "\"total\":3"},
      {"/api/search?q=%22open", 400, "\"parameter\":\"q\""},
      {"/api/search?q=x&limit=101", 400, "\"parameter\":\"limit\""},
      // append(), not "literal" + std::string: g++ 12 at -O3 warns about the
      // latter inside libstdc++ (-Warray-bounds, a false positive).
      {std::string("/api/search?q=").append(1200, 'a'), 400,
       "\"parameter\":\"q\""},
      {"/api/facets?topic=transport", 200, "\"total\":2"},
      {"/api/export?format=csv", 200, "编号,日期,版次,标题"},
      {"/api/export?format=json&topic=housing", 200, "\"rows\":3"},
      {"/api/export?format=pdf", 400, "\"parameter\":\"format\""},
      {"/api/article?id=yzrb-20250611-02-01", 200, "\"label\":\"交通出行\""},
      {"/api/article?id=yzrb-19000101-01-01", 404, "\"parameter\":\"id\""},
      {"/api/article", 400, "\"parameter\":\"id\""},
      {"/api/related?id=yzrb-20250611-02-01", 200, "\"hits\""},
      {"/api/related?id=nope", 404, "\"parameter\":\"id\""},
      {"/api/topics", 200, "\"住房与物业\""},
      {"/api/topic?id=" + housing, 404, "\"parameter\":\"id\""},
      {"/api/topic?id=%E7%89%A9%E4%B8%9A", 200, "\"total\":3"},  // 物业
      {"/api/reporters", 200, "\"张子珂\""},
      {"/api/reporter?name=%E6%9D%8E%E6%98%8E", 200, "\"total\":2"},
      {"/api/reporter?name=nobody", 404, "\"parameter\":\"name\""},
      {"/api/columns", 200, "\"民生观察\""},
      {"/api/column?name=%E6%B0%91%E7%94%9F%E8%A7%82%E5%AF%9F", 200,
       "\"instalments\""},
      {"/api/calendar?month=2025-06", 200, "\"2025-06-11\""},
      {"/api/calendar?month=June", 400, "\"parameter\":\"month\""},
      {"/api/issue?date=2026-06-11", 200, "\"pages\""},
      {"/api/issue?date=2026-06-10", 404, "\"parameter\":\"date\""},
      {"/api/page?date=2026-06-12&page=3", 200, "物业费公示上墙"},
      {"/api/page?date=2026-06-12", 400, "\"parameter\":\"page\""},
      {"/api/onthisday?date=2026-06-11", 200, "\"year\":2025"},
      {"/api/suggest?field=topic&prefix=%E4%BD%8F", 200, "\"housing\""},
      {"/api/suggest?field=x&prefix=a", 400, "\"parameter\":\"field\""},
      {"/api/nothing", 404, "\"error\""},
      {"/reporter?name=x", 200, "lang=\"zh-CN\""},
      {"/static/..%2fCMakeLists.txt", 404, "\"error\""},
      {"/static/%2e%2e%2f%2e%2e%2fCMakeLists.txt", 404, "\"error\""},
      {"/static/..%5capi.h", 404, "\"error\""},
      {"/static/%2e%2e/README.md", 404, "\"error\""},
      {"/static/../../../../etc/passwd", 404, "\"error\""},
      {"/static/style.css", 200, "body"},
  };
  for (const auto& c : cases) {
    INFO(c.target);
    auto res = s.client->Get(c.target);
    REQUIRE(res);
    CHECK(res->status == c.status);
    CHECK(res->body.find(c.expect) != std::string::npos);
    CHECK(res->get_header_value("Content-Security-Policy")
              .find("default-src 'self'") == 0);
  }
  auto csv = s.client->Get("/api/export?format=csv");
  REQUIRE(csv);
  CHECK(csv->get_header_value("Content-Type").find("text/csv") == 0);
  CHECK(csv->get_header_value("Content-Disposition").find("attachment") == 0);
  CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);
  auto post = s.client->Post("/api/search", "q=x", "text/plain");
  REQUIRE(post);
  CHECK(post->status >= 400);
  CHECK(post->status < 500);
  CHECK(s.server->Stop(SIGTERM) == 0);
}

TEST_CASE("No user input makes a 500", "[e2e]") {
  TopicServer s;
  const char* routes[] = {"search",   "facets",  "export",    "article",
                          "related",  "topics",  "topic",     "reporters",
                          "reporter", "columns", "column",    "calendar",
                          "issue",    "page",    "onthisday", "suggest"};
  const char* values[] = {"",   "%00", "%FF%FE", "-1", "99999999999999999999",
                          "((("};
  const char* keys[] = {"q",      "id",       "name",  "date",
                        "month",  "page",     "limit", "offset",
                        "prefix", "reporter", "topic", "sort"};
  int requests = 0;
  for (const char* route : routes) {
    for (const char* key : keys) {
      for (const char* value : values) {
        std::string target = std::string("/api/") + route + "?" + key + "=" +
                             value + "&field=reporter&prefix=a";
        auto res = s.client->Get(target);
        INFO(target);
        REQUIRE(res);
        CHECK(res->status < 500);
        ++requests;
      }
    }
  }
  CHECK(requests == 16 * 12 * 6);
  CHECK(s.server->Stop(SIGTERM) == 0);
}

TEST_CASE("Hostile text is served as JSON strings", "[e2e]") {
  TopicServer s;
  auto res =
      s.client->Get(std::string("/api/article?id=") + testing::kHostileId);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
  CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
  auto body = nlohmann::json::parse(res->body);
  CHECK(body["headline"] == testing::kHostileHeadline);
  CHECK(body["reporters"][0] == "<b>钱多多</b>");
  // In the CSV the formula-like kicker is not a field, but the headline is
  // quoted; the column that looks like a script URL is just text.
  auto csv =
      s.client->Get("/api/export?q=%E8%AF%95%E6%8E%A2%E6%B3%A8%E5%85%A5");
  REQUIRE(csv);
  CHECK(csv->body.find(",javascript:alert(3),") != std::string::npos);
  CHECK(s.server->Stop(SIGTERM) == 0);
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
