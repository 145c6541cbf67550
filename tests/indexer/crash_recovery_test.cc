// kill -9 of baoku-index at random moments: the index stays consistent, no
// half issue is ever visible, and re-running the batch completes it.
#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <random>
#include <regex>
#include <thread>

#include "baoku/corpus/date.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {
namespace fs = std::filesystem;

// Copies the sample archive `copies` times under new dates; returns the
// number of articles each new date should hold.
std::map<std::string, Xapian::doccount> MakeBatch(const fs::path& out,
                                                  int copies) {
  std::map<std::string, Xapian::doccount> per_source_date;
  {
    // Articles per sample issue, from a reference index.
    testing::TempDir ref;
    REQUIRE(
        testing::Run({(testing::BinaryDir() / "indexer/baoku-index").string(),
                      "--quiet", "--db", (ref / "db").string(),
                      testing::SamplesDir().string()}) == 0);
    Xapian::Database db((ref / "db").string());
    for (auto t = db.allterms_begin("D"); t != db.allterms_end("D"); ++t) {
      per_source_date[(*t).substr(1)] = t.get_termfreq();
    }
  }
  std::map<std::string, Xapian::doccount> expected;
  int serial = 0;
  for (int copy = 0; copy < copies; ++copy) {
    for (const auto& entry : fs::directory_iterator(testing::SamplesDir())) {
      if (!entry.is_directory()) continue;
      auto source = corpus::ParseDate(entry.path().filename().string());
      REQUIRE(source);
      // A new date per copied issue: 2027-01-01 onwards, one month each.
      int n = serial++;
      corpus::Date date{2027 + n / (12 * 28), 1 + (n / 28) % 12, 1 + n % 28};
      fs::path dir = out / date.ToIso();
      fs::create_directories(dir);
      for (const auto& file : fs::directory_iterator(entry.path())) {
        std::string name = file.path().filename().string();
        if (name.find(".gold.") != std::string::npos) continue;
        std::string bytes = testing::ReadFile(file.path());
        if (name == "issue.json") {
          bytes = std::regex_replace(bytes, std::regex(R"("date": "[0-9-]+")"),
                                     "\"date\": \"" + date.ToIso() + "\"");
        }
        if (bytes.rfind("---\n", 0) == 0) {  // Front matter names the date.
          bytes = std::regex_replace(bytes, std::regex(R"(date: [0-9-]+)"),
                                     "date: " + date.ToIso());
        }
        testing::WriteFile(dir / name, bytes);
      }
      expected[date.ToCompact()] = per_source_date[source->ToCompact()];
    }
  }
  return expected;
}

// Every date in the index holds all of its articles or none.
void CheckWholeIssues(const fs::path& db_path,
                      const std::map<std::string, Xapian::doccount>& expected) {
  Xapian::Database db(db_path.string());
  for (auto t = db.allterms_begin("D"); t != db.allterms_end("D"); ++t) {
    std::string day = (*t).substr(1);
    INFO("issue " << day);
    REQUIRE(expected.count(day));
    CHECK(t.get_termfreq() == expected.at(day));
  }
}

TEST_CASE("kill -9 during indexing loses nothing and never shows half an issue",
          "[indexer][crash]") {
  testing::TempDir dir;
  auto expected = MakeBatch(dir / "pages", 4);
  Xapian::doccount total = 0;
  for (const auto& [day, n] : expected) total += n;
  REQUIRE(total > 500);
  const std::string tool =
      (testing::BinaryDir() / "indexer/baoku-index").string();
  const std::string db = (dir / "db").string();

  // How long a whole run takes here, to kill within it.
  auto started = std::chrono::steady_clock::now();
  REQUIRE(testing::Run({tool, "--quiet", "--commit-every", "1", "--db",
                        (dir / "timing-db").string(),
                        (dir / "pages").string()}) == 0);
  auto full_run = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  REQUIRE(full_run > 20);

  std::mt19937 rng(424242);
  constexpr int kTrials = 6;
  int partial_states = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    INFO("trial " << trial);
    // Anywhere from 10% to 90% into a run (runs after the first resume from
    // what earlier trials committed, so they are shorter).
    auto delay = full_run / 10 + rng() % (full_run * 8 / 10);
    // A commit per issue, so that a kill can land between two.
    testing::ChildProcess indexer({tool, "--quiet", "--commit-every", "1",
                                   "--db", db, (dir / "pages").string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    indexer.Stop(SIGKILL);
    if (!fs::exists(dir / "db")) continue;  // Killed before creating it.
    std::string out;
    CHECK(testing::Run({"/usr/bin/xapian-check", db}, &out) == 0);
    CheckWholeIssues(dir / "db", expected);
    auto count = Xapian::Database(db).get_doccount();
    if (count > 0 && count < total) ++partial_states;
  }
  // The kills really landed mid-run at least once.
  CHECK(partial_states > 0);
  // The next run completes the batch.
  REQUIRE(testing::Run(
              {tool, "--quiet", "--db", db, (dir / "pages").string()}) == 0);
  CheckWholeIssues(dir / "db", expected);
  CHECK(Xapian::Database(db).get_doccount() == total);
}

}  // namespace
}  // namespace baoku::indexer
