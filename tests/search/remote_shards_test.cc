// A sharded archive searched through a stub — local shards and remote
// shards served by xapian-tcpsrv — answers exactly as one database holding
// the same articles; a shard server that dies is a clear error, not a hang.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "baoku/indexer/batch.h"
#include "baoku/indexer/shards.h"
#include "baoku/search/searcher.h"
#include "search_fixture.h"
#include "test_support.h"

namespace baoku::search {
namespace {
namespace fs = std::filesystem;

// The samples, the issues from 2026-06-14 on relabelled as a second paper,
// so that --shard-by paper splits them in two.
fs::path TwoPaperArchive(const fs::path& dir) {
  fs::path in = dir / "in";
  fs::copy(testing::SamplesDir(), in, fs::copy_options::recursive);
  for (const auto& entry : fs::directory_iterator(in)) {
    if (!entry.is_directory() || entry.path().filename() < "2026-06-14") {
      continue;
    }
    fs::path manifest = entry.path() / "issue.json";
    auto json = nlohmann::json::parse(testing::ReadFile(manifest));
    json["paper_code"] = "yzwb";
    json["paper"] = "云州晚报";
    testing::WriteFile(manifest, json.dump());
  }
  return in;
}

void Index(const fs::path& db, const fs::path& in, indexer::ShardPolicy p) {
  std::vector<corpus::Diagnostic> errors;
  auto files = indexer::FindPageFiles({in}, errors);
  indexer::BatchOptions options;
  options.shards = p;
  auto summary = indexer::IndexFiles(db, files, options);
  REQUIRE(summary.failed_files == 0);
  REQUIRE(summary.articles == 171);
}

// xapian-tcpsrv serving `db` on a free loopback port.
struct ShardServer {
  std::unique_ptr<testing::ChildProcess> process;
  int port = 0;

  explicit ShardServer(const fs::path& db) {
    std::mt19937 random(std::random_device{}());
    for (int attempt = 0; attempt < 10 && !process; ++attempt) {
      port = 20000 + static_cast<int>(random() % 30000);
      auto child =
          std::make_unique<testing::ChildProcess>(std::vector<std::string>{
              "xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
              std::to_string(port), db.string()});
      for (std::string line = child->ReadLine(5000); !line.empty();
           line = child->ReadLine(5000)) {
        if (line.find("Listening") != std::string::npos) {
          process = std::move(child);
          break;
        }
      }
    }
    REQUIRE(process);
  }
};

struct Answer {
  uint64_t total = 0;
  std::vector<std::string> ids;
  std::vector<std::string> snippets;
  nlohmann::json facets;
};

Answer Ask(Searcher& searcher, const std::string& query, FacetMethod method) {
  SearchRequest request;
  request.query = query;
  request.limit = 20;
  request.with_facets = true;
  request.facet_limit = kMaxFacetValues;
  request.facet_method = method;
  SearchResponse response = searcher.Search(request);
  REQUIRE_FALSE(response.error);
  Answer answer;
  answer.total = response.total;
  for (const auto& hit : response.hits) {
    answer.ids.push_back(hit.article.id);
    std::string marks;
    for (const auto& h : hit.snippet.highlights) {
      marks += std::to_string(h.begin) + "-" + std::to_string(h.end) + ",";
    }
    answer.snippets.push_back(hit.snippet.text + "|" + marks);
  }
  const Facets& f = *response.facets;
  for (const auto& [key, list] : f.fields) {
    nlohmann::json values;
    for (const auto& v : list) values.push_back({v.value, v.count});
    answer.facets.push_back({key, values});
  }
  for (const auto& b : f.dates) answer.facets.push_back({b.key, b.count});
  answer.facets.push_back({"exact", f.exact, f.counted});
  return answer;
}

const char* const kQueries[] = {
    "",          "云州",        "市民 OR 居民",
    "记者:韩雪", "电梯 -停车",  "日期:2026-06-10..2026-06-15",
    "报纸:yzwb", "就业 服务站", "\"口袋公园\"",
    "標題:云州"};

// Facets by the stock spies on one database are the reference; the
// shards give the same by every method, the postings' path included.
void CheckSameAnswers(Searcher& one, Searcher& sharded) {
  for (const char* query : kQueries) {
    Answer a = Ask(one, query, FacetMethod::kValues);
    for (FacetMethod method :
         {FacetMethod::kValues, FacetMethod::kPostings, FacetMethod::kAuto}) {
      INFO("query: " << query << ", method " << static_cast<int>(method));
      CHECK(Ask(one, query, method).facets == a.facets);
      Answer b = Ask(sharded, query, method);
      CHECK(a.total == b.total);
      CHECK(a.ids == b.ids);
      CHECK(a.snippets == b.snippets);
      CHECK(a.facets == b.facets);
    }
  }
  const std::string id = "yzrb-20260610-01-05";
  auto related_one = one.Related(id, 5),
       related_sharded = sharded.Related(id, 5);
  REQUIRE(related_one);
  REQUIRE(related_sharded);
  std::vector<std::string> x, y;
  for (const auto& h : *related_one) x.push_back(h.article.id);
  for (const auto& h : *related_sharded) y.push_back(h.article.id);
  CHECK(x == y);
  CHECK(one.Keywords(id, 10) == sharded.Keywords(id, 10));
  CHECK(sharded.FindArticle("yzwb-20260617-03-01"));
}

TEST_CASE("Shards through a stub answer as one database", "[shards]") {
  testing::TempDir dir;
  fs::path in = TwoPaperArchive(dir.path());
  indexer::ShardPolicy by_paper;
  by_paper.by = indexer::ShardPolicy::By::kPaper;
  Index(dir / "one", in, {});
  Index(dir / "sharded", in, by_paper);
  REQUIRE(indexer::IsShardedIndex(dir / "sharded"));
  CHECK(indexer::ListShards(dir / "sharded") ==
        std::vector<std::string>{"yzrb", "yzwb"});

  Searcher one(dir / "one", testing::SharedAnalyzer());
  SECTION("local shards") {
    Searcher sharded(dir / "sharded", testing::SharedAnalyzer());
    CheckSameAnswers(one, sharded);
  }
  SECTION("remote shards, then one shard server dies") {
    ShardServer a(dir / "sharded" / "shards" / "yzrb");
    ShardServer b(dir / "sharded" / "shards" / "yzwb");
    fs::path stub = dir / "remote.stub";
    testing::WriteFile(
        stub, "remote 127.0.0.1:" + std::to_string(a.port) +
                  "\nremote 127.0.0.1:" + std::to_string(b.port) + "\n");
    Searcher remote(stub, testing::SharedAnalyzer());
    CHECK(remote.ArticleCount() == 171);
    CheckSameAnswers(one, remote);

    // The shard machine goes down: xapian-tcpsrv and the child it forked
    // for our connection.
    testing::Run({"pkill", "-KILL", "-P", std::to_string(b.process->pid())});
    b.process->Stop(SIGKILL);
    auto start = std::chrono::steady_clock::now();
    SearchRequest request;
    request.query = "云州";
    CHECK_THROWS_AS(remote.Search(request), ShardUnavailable);
    CHECK_THROWS_AS(Searcher(stub, testing::SharedAnalyzer()),
                    ShardUnavailable);
    // Not a hang: a dead server is noticed at once, not after a timeout.
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
}

TEST_CASE(
    "Re-indexing a sharded archive is idempotent and closed shards "
    "refuse writes",
    "[shards]") {
  testing::TempDir dir;
  fs::path in = TwoPaperArchive(dir.path());
  indexer::ShardPolicy by_paper;
  by_paper.by = indexer::ShardPolicy::By::kPaper;
  Index(dir / "db", in, by_paper);
  {
    // The policy is recorded: a later run without --shard-by routes alike.
    std::vector<corpus::Diagnostic> errors;
    auto summary = indexer::IndexFiles(
        dir / "db", indexer::FindPageFiles({in}, errors), {});
    CHECK(summary.unchanged == 171);
    CHECK(summary.added == 0);
  }
  indexer::ShardPolicy by_year;
  by_year.by = indexer::ShardPolicy::By::kYears;
  indexer::BatchOptions conflicting;
  conflicting.shards = by_year;
  CHECK_THROWS_WITH(indexer::IndexFiles(dir / "db", {}, conflicting),
                    Catch::Contains("sharded by paper"));

  indexer::CloseShard(dir / "db", "yzrb");
  CHECK(fs::is_regular_file(dir / "db" / "shards" / "yzrb.glass"));
  CHECK(testing::ReadFile(dir / "db" / "XAPIANDB").find("shards/yzrb.glass") !=
        std::string::npos);
  Searcher searcher(dir / "db", testing::SharedAnalyzer());
  CHECK(searcher.ArticleCount() == 171);
  CHECK(searcher.FindArticle("yzrb-20260609-02-06"));
  indexer::BatchOptions forced;
  forced.force = true;
  std::vector<corpus::Diagnostic> errors;
  CHECK_THROWS_WITH(
      indexer::IndexFiles(dir / "db", indexer::FindPageFiles({in}, errors),
                          forced),
      Catch::Contains("shard yzrb") && Catch::Contains("closed"));
  CHECK(Searcher(dir / "db", testing::SharedAnalyzer()).ArticleCount() == 171);
  CHECK_THROWS_WITH(indexer::CloseShard(dir / "db", "yzrb"),
                    Catch::Contains("already closed"));
  CHECK_THROWS_WITH(indexer::CloseShard(dir / "db", "nope"),
                    Catch::Contains("no shard nope"));
}

TEST_CASE("Shard policies parse and name shards", "[shards]") {
  corpus::Article a;
  a.paper_code = "yzrb";
  a.date = {2026, 6, 11};
  auto paper = indexer::ParseShardPolicy("paper");
  REQUIRE(paper);
  CHECK(indexer::ShardName(*paper, a) == "yzrb");
  auto year = indexer::ParseShardPolicy("year");
  REQUIRE(year);
  CHECK(indexer::ShardName(*year, a) == "2026");
  auto five = indexer::ParseShardPolicy("years:5");
  REQUIRE(five);
  CHECK(indexer::ShardName(*five, a) == "2025-2029");
  CHECK(five->ToString() == "years:5");
  for (const char* bad : {"", "month", "years:0", "years:x", "years:101"}) {
    INFO(bad);
    auto policy = indexer::ParseShardPolicy(bad);
    REQUIRE_FALSE(policy);
    CHECK(policy.problem().parameter == "--shard-by");
    CHECK(policy.problem().message.find("--shard-by") != std::string::npos);
  }
}

}  // namespace
}  // namespace baoku::search
