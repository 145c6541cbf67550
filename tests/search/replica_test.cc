// A read replica kept by xapian-replicate from xapian-replicate-server
// answers as the master, also after a new issue is indexed on the master.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <random>

#include "baoku/indexer/batch.h"
#include "baoku/search/searcher.h"
#include "search_fixture.h"
#include "test_support.h"

namespace baoku::search {
namespace {
namespace fs = std::filesystem;

void IndexIssue(const fs::path& db, const std::string& date) {
  // Replication ships changesets, which Xapian writes only when asked.
  setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
  std::vector<corpus::Diagnostic> errors;
  auto files = indexer::FindPageFiles({testing::SamplesDir() / date}, errors);
  auto summary = indexer::IndexFiles(db, files, {});
  unsetenv("XAPIAN_MAX_CHANGESETS");
  REQUIRE(summary.failed_files == 0);
  REQUIRE(summary.articles > 0);
}

std::vector<std::string> TopIds(const fs::path& db, const std::string& q) {
  Searcher searcher(db, testing::SharedAnalyzer());
  SearchRequest request;
  request.query = q;
  request.limit = 20;
  std::vector<std::string> ids;
  for (const auto& hit : searcher.Search(request).hits) {
    ids.push_back(hit.article.id);
  }
  return ids;
}

TEST_CASE("A replica follows the master through xapian-replicate",
          "[replica]") {
  testing::TempDir dir;
  fs::path master = dir / "master";
  fs::path replica = dir / "replica" / "archive";
  fs::create_directories(master);
  fs::create_directories(replica.parent_path());
  IndexIssue(master / "archive", "2026-06-09");

  std::unique_ptr<testing::ChildProcess> server;
  int port = 0;
  std::mt19937 random(std::random_device{}());
  for (int attempt = 0; attempt < 10 && !server; ++attempt) {
    port = 20000 + static_cast<int>(random() % 30000);
    auto child =
        std::make_unique<testing::ChildProcess>(std::vector<std::string>{
            "xapian-replicate-server", "--interface", "127.0.0.1", "--port",
            std::to_string(port), master.string()});
    // It prints nothing when ready: try a replication until one succeeds.
    for (int i = 0; i < 50; ++i) {
      if (testing::Run({"xapian-replicate", "--host", "127.0.0.1", "--port",
                        std::to_string(port), "--master", "archive",
                        "--one-shot", "--quiet", replica.string()}) == 0) {
        server = std::move(child);
        break;
      }
      usleep(100 * 1000);
    }
  }
  REQUIRE(server);
  // --reader-time: no reader is open here, so the 30 s that
  // xapian-replicate waits by default before applying a second changeset
  // would be all of this test's time.
  auto replicate = [&] {
    REQUIRE(testing::Run({"xapian-replicate", "--host", "127.0.0.1", "--port",
                          std::to_string(port), "--master", "archive",
                          "--reader-time", "1", "--one-shot", "--quiet",
                          replica.string()}) == 0);
  };

  auto count = [&](const fs::path& db) {
    return Searcher(db, testing::SharedAnalyzer()).ArticleCount();
  };
  CHECK(count(replica) == count(master / "archive"));
  CHECK(TopIds(replica, "云州") == TopIds(master / "archive", "云州"));

  IndexIssue(master / "archive", "2026-06-10");
  CHECK(count(replica) < count(master / "archive"));
  replicate();
  CHECK(count(replica) == count(master / "archive"));
  for (const char* q : {"云州", "记者:韩雪", "日期:2026-06-10", ""}) {
    INFO(q);
    CHECK(TopIds(replica, q) == TopIds(master / "archive", q));
  }
}

}  // namespace
}  // namespace baoku::search
