// baoku-serve under load while baoku-index adds and replaces issues: wrk
// drives the API for a bounded time, a checker client asks for each issue's
// article count over and over, and an indexer loop rewrites issues. No
// request may fail, no count may show part of an issue, and the server's
// memory must stay flat.
//
// BAOKU_LOAD_SECONDS sets the length (default 6 s in the suite);
// bench/reliability/serve-under-load runs it longer and prints the figures.
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "serve_fixture.h"

namespace baoku::web {
namespace {
namespace fs = std::filesystem;

constexpr int kPagesPerIssue = 4;
constexpr int kIssues = 12;  // Half indexed at the start, half added.

std::string IssueDate(int issue) {
  char date[40];  // Room for any int, which g++ checks.
  std::snprintf(date, sizeof date, "2028-03-%02d", 1 + issue);
  return date;
}

// The marker word of an issue: in every article of it and nowhere else.
std::string Marker(int issue) { return "issuemark" + std::to_string(issue); }

// Writes one issue, in its `version`-th wording (each version changes every
// page, so re-indexing replaces all of the issue's articles).
void WriteIssue(const fs::path& root, int issue, int version) {
  for (int page = 1; page <= kPagesPerIssue; ++page) {
    std::string text =
        "社区食堂第" + std::to_string(page) + "期开张\n\n本报记者 林书言\n\n" +
        "本市第" + std::to_string(version) +
        "轮便民服务调查显示,社区食堂日均接待居民" +
        std::to_string(100 + version * 7 + page) + "人次。" + Marker(issue) +
        "\n\n老人凭卡就餐可享" + std::to_string(version % 9 + 1) + "折优惠。\n";
    char name[40];  // Room for any int, which g++ checks.
    std::snprintf(name, sizeof name, "%02d.txt", page);
    testing::WriteFile(root / IssueDate(issue) / name, text);
  }
}

long WrkFigure(const std::string& out, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(pattern))) return 0;
  return std::stol(m[1]);
}

TEST_CASE("Serving under load while re-indexing: no failure, no half issue",
          "[load][e2e]") {
  const char* env = std::getenv("BAOKU_LOAD_SECONDS");
  const int seconds = env && *env ? std::atoi(env) : 6;
  REQUIRE(seconds > 0);
  testing::TempDir dir;
  const fs::path db = dir / "db";
  const std::string indexer = testing::Tool("indexer", "baoku-index");
  for (int issue = 0; issue < kIssues; ++issue) {
    WriteIssue(dir / "pages", issue, 0);
  }
  // Articles per issue as the reader splits these pages, from a reference
  // index of all issues.
  REQUIRE(testing::Run({indexer, "--quiet", "--db", (dir / "ref").string(),
                        (dir / "pages").string()}) == 0);
  std::map<std::string, long> expected;  // Marker → articles.
  std::string article_id;                // One of the first issue's.
  for (int issue = 0; issue < kIssues; ++issue) {
    std::string out;
    REQUIRE(testing::Run({testing::Tool("search", "baoku-search"), "--json",
                          "--db", (dir / "ref").string(), Marker(issue)},
                         &out) == 0);
    auto found = nlohmann::json::parse(out);
    expected[Marker(issue)] = found["total"];
    REQUIRE(expected[Marker(issue)] >= kPagesPerIssue);
    if (issue == 0) article_id = found["hits"][0]["id"];
  }
  // The first half of the issues is there before the server starts.
  for (int issue = 0; issue < kIssues / 2; ++issue) {
    REQUIRE(testing::Run({indexer, "--quiet", "--db", db.string(),
                          (dir / "pages" / IssueDate(issue)).string()}) == 0);
  }

  testing::ServeProcess server(db);
  const int port = server.port();
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  testing::WriteFile(dir / "load.lua", R"(
local paths = {
  "/api/search?q=%E7%A4%BE%E5%8C%BA%E9%A3%9F%E5%A0%82",
  "/api/search?q=%E4%BE%BF%E6%B0%91%E6%9C%8D%E5%8A%A1&limit=100",
  "/api/search?q=issuemark3&offset=2",
  "/api/search?q=%E8%80%81%E4%BA%BA+%E4%BC%98%E6%83%A0",
  "/api/article?id=)" + article_id + R"(",
  "/healthz",
  "/",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
-- What went wrong, in the test's failure message.
response = function(status, headers, body)
  if status < 200 or status > 299 then
    io.write("non-2xx: ", status, " ", string.sub(body, 1, 300), "\n")
  end
end
)");

  std::atomic<bool> done{false};
  // Re-indexing in a loop: each round rewrites one indexed issue and adds
  // a new one while there are new ones.
  std::atomic<int> index_runs{0}, index_failures{0};
  std::thread writer([&] {
    int version = 1;
    int next_new = kIssues / 2;
    while (!done) {
      int issue = version % (kIssues / 2);
      WriteIssue(dir / "pages", issue, version);
      std::vector<std::string> argv = {
          indexer,
          "--quiet",
          "--commit-every",
          "1",
          "--db",
          db.string(),
          (dir / "pages" / IssueDate(issue)).string()};
      if (next_new < kIssues) {
        argv.push_back((dir / "pages" / IssueDate(next_new++)).string());
      }
      if (testing::Run(argv) != 0) ++index_failures;
      ++index_runs;
      ++version;
    }
  });
  // The checker: every issue's count is 0 or all of its articles.
  std::atomic<long> checks{0}, half_issues{0}, check_failures{0};
  std::thread checker([&] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    while (!done) {
      for (const auto& [marker, n] : expected) {
        auto res = client.Get("/api/search?limit=1&q=" + marker);
        if (!res || res->status != 200) {
          ++check_failures;
          continue;
        }
        long total = nlohmann::json::parse(res->body)["total"];
        if (total != 0 && total != n) ++half_issues;
        ++checks;
      }
    }
  });
  long rss_start = testing::ProcStatusKib(server.pid(), "VmRSS");
  std::string wrk_out;
  int wrk_status = testing::Run(
      {"/usr/bin/wrk", "-t2", "-c8", "-d" + std::to_string(seconds) + "s",
       "--timeout", "5s", "-s", (dir / "load.lua").string(), url},
      &wrk_out);
  long rss_end = testing::ProcStatusKib(server.pid(), "VmRSS");
  long hwm = testing::ProcStatusKib(server.pid(), "VmHWM");
  done = true;
  writer.join();
  checker.join();

  const long requests = WrkFigure(wrk_out, R"((\d+) requests in)");
  const long socket_errors = WrkFigure(wrk_out, R"(connect (\d+))") +
                             WrkFigure(wrk_out, R"(read (\d+))") +
                             WrkFigure(wrk_out, R"(write (\d+))") +
                             WrkFigure(wrk_out, R"(timeout (\d+))");
  const long non_2xx = WrkFigure(wrk_out, R"(Non-2xx or 3xx responses: (\d+))");
  std::cout << "serve-under-load: " << seconds << " s, " << requests
            << " wrk requests (" << socket_errors << " socket errors, "
            << non_2xx << " non-2xx), " << checks << " issue checks ("
            << half_issues << " half issues, " << check_failures << " failed), "
            << index_runs << " indexer runs (" << index_failures
            << " failed), baoku-serve RSS " << rss_start << " KiB at start, "
            << rss_end << " KiB at end, peak (VmHWM) " << hwm << " KiB\n"
            << wrk_out;
  INFO(wrk_out);
  REQUIRE(wrk_status == 0);
  // The load really ran (a sanitizer build serves far fewer requests).
  CHECK(requests >= 10L * seconds);
  CHECK(socket_errors == 0);
  CHECK(non_2xx == 0);
  CHECK(checks >= kIssues);  // Every issue was checked at least once.
  CHECK(half_issues == 0);
  CHECK(check_failures == 0);
  // Each run replaces one issue and adds another; under a sanitizer a run
  // may take most of the window.
  CHECK(index_runs >= 1);
  CHECK(index_failures == 0);
  // Flat memory: the last RSS within 64 MiB of the first. Not under ASan,
  // whose quarantine keeps up to 256 MiB of freed memory (LeakSanitizer
  // checks the server for leaks when it stops instead).
  if (!testing::kSanitizedBuild) CHECK(rss_end - rss_start < 64 * 1024);
  CHECK(server.Stop() == 0);
}

}  // namespace
}  // namespace baoku::web
