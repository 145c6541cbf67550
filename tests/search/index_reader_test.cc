// The long-lived reader (search/index_reader.h): one reader over an index
// that a batch grows while it is open.
#include "baoku/search/index_reader.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "baoku/indexer/batch.h"
#include "test_support.h"

namespace baoku::search {
namespace {

// One issue of `count` articles by 林晓东 on `date`, written to a file of
// its own under `dir` and indexed into `db`.
void IndexIssue(const std::filesystem::path& dir,
                const std::filesystem::path& db, const std::string& date,
                int count) {
  std::string ndjson;
  for (int i = 1; i <= count; ++i) {
    nlohmann::json article = {
        {"date", date},
        {"page", 1},
        {"paper", "云州日报"},
        {"paper_code", "yzrb"},
        {"headline", "南湖社区夜校开课第" + std::to_string(i) + "天"},
        {"reporters", {"林晓东"}},
        {"paragraphs", {"居民晚饭后来上课,学手机支付和防诈骗知识。"}}};
    ndjson += article.dump() + "\n";
  }
  std::filesystem::create_directories(dir / date);
  testing::WriteFile(dir / date / "issue.ndjson", ndjson);
  std::vector<corpus::Diagnostic> errors;
  auto files = indexer::FindPageFiles({dir / date}, errors);
  auto summary = indexer::IndexFiles(db, files, {});
  REQUIRE(errors.empty());
  REQUIRE(summary.articles == static_cast<size_t>(count));
}

TEST_CASE(
    "A running reader sees a new issue within 2 s, and caches the "
    "archive summary per revision",
    "[index_reader]") {
  testing::TempDir dir;
  IndexIssue(dir.path(), dir / "db", "2026-06-10", 2);
  IndexReader reader(dir / "db");

  std::shared_ptr<const ArchiveSummary> before;
  {
    auto lease = reader.Acquire();
    before = reader.Summary(lease);
  }
  CHECK(before->articles == 2);
  REQUIRE(before->newest);
  CHECK(before->newest->ToIso() == "2026-06-10");
  CHECK(before->first->ToIso() == "2026-06-10");
  REQUIRE_FALSE(before->facets.Of("reporters").empty());
  CHECK(before->facets.Of("reporters").front().value == "林晓东");
  CHECK(before->facets.Of("reporters").front().count == 2);
  uint64_t computed = reader.computed_summaries();
  {
    // Same revision: from the cache, and the searcher came from the pool.
    auto lease = reader.Acquire();
    CHECK(reader.Summary(lease) == before);
    CHECK(lease->Search({}).total == 2);
  }
  CHECK(reader.computed_summaries() == computed);

  IndexIssue(dir.path(), dir / "db", "2026-06-11", 3);
  auto start = std::chrono::steady_clock::now();
  std::shared_ptr<const ArchiveSummary> after;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(2)) {
    auto lease = reader.Acquire();
    after = reader.Summary(lease);
    if (after->articles == 5) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(after);
  CHECK(after->articles == 5);
  CHECK(after->revision_key != before->revision_key);
  REQUIRE(after->newest);
  CHECK(after->newest->ToIso() == "2026-06-11");
  CHECK(after->first->ToIso() == "2026-06-10");
  CHECK(after->facets.Of("reporters").front().count == 5);
  CHECK(reader.computed_summaries() == computed + 1);
  auto lease = reader.Acquire();
  SearchRequest request;
  request.filters = {{"date", "2026-06-11"}};
  CHECK(lease->Search(request).total == 3);
}

TEST_CASE("Leases serve many threads at once", "[index_reader]") {
  testing::TempDir dir;
  IndexIssue(dir.path(), dir / "db", "2026-06-10", 4);
  IndexReader reader(dir / "db", IndexReader::Options{2});
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto lease = reader.Acquire();
        SearchRequest request;
        request.query = "夜校";
        if (lease->Search(request).total != 4) ++wrong;
        if (reader.Summary(lease)->articles != 4) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(wrong == 0);
  CHECK(reader.computed_summaries() == 1);
}

TEST_CASE("A reader of a missing index throws on Acquire, not before",
          "[index_reader]") {
  testing::TempDir dir;
  IndexReader reader(dir / "nothing");
  CHECK_THROWS_AS(reader.Acquire(), IndexError);
}

}  // namespace
}  // namespace baoku::search
