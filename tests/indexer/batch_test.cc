#include "baoku/indexer/batch.h"

#include <xapian.h>

#include <catch2/catch.hpp>

#include "test_support.h"

namespace baoku::indexer {
namespace {

const char* kGoodPage =
    "城市书房开到家门口\n\n本报记者 林书言\n\n今年全市新建城市书房12座。\n";

TEST_CASE("A bad page is reported and the rest of the batch is indexed",
          "[indexer]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/01.txt", kGoodPage);
  testing::WriteFile(dir / "in/2026-06-11/02.txt", "");
  testing::WriteFile(dir / "in/2026-06-11/03.txt",
                     std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  testing::WriteFile(dir / "in/undated/page.txt", kGoodPage);
  testing::WriteFile(dir / "in/2026-06-12/01.txt", kGoodPage);

  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({dir / "in", dir / "missing"}, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file.find("missing") != std::string::npos);
  CHECK(files.size() == 5);

  std::vector<std::string> reported;
  BatchOptions options;
  options.report = [&](const corpus::Diagnostic& d, bool is_error) {
    if (is_error) reported.push_back(d.ToString());
  };
  BatchSummary s = IndexFiles(dir / "db", files, options);
  CHECK(s.files == 5);
  CHECK(s.failed_files == 3);
  CHECK(s.issues == 2);
  CHECK(s.articles == 2);
  REQUIRE(reported.size() == 3);
  CHECK(reported[0].find("02.txt: empty file") != std::string::npos);
  CHECK(reported[1].find("03.txt: not a text page") != std::string::npos);
  CHECK(reported[2].find("page.txt: no issue date") != std::string::npos);
  CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 2);
}

TEST_CASE("Indexing the samples twice gives the same index", "[indexer]") {
  testing::TempDir dir;
  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({testing::SamplesDir()}, errors);
  REQUIRE(errors.empty());
  BatchSummary first = IndexFiles(dir / "db", files, {});
  CHECK(first.failed_files == 0);
  CHECK(first.issues >= 3);
  CHECK(first.added == first.articles);
  // Unchanged pages are skipped.
  BatchSummary second = IndexFiles(dir / "db", files, {});
  CHECK(second.articles == first.articles);
  CHECK(second.added == 0);
  CHECK(second.removed == 0);
  CHECK(second.replaced == 0);
  CHECK(second.unchanged == first.articles);
  // --force writes them again, with the same result.
  BatchOptions force;
  force.force = true;
  BatchSummary third = IndexFiles(dir / "db", files, force);
  CHECK(third.replaced == first.articles);
  CHECK(third.unchanged == 0);
  CHECK(Xapian::Database((dir / "db").string()).get_doccount() ==
        first.articles);
}

}  // namespace
}  // namespace baoku::indexer

namespace baoku::indexer {
namespace {

TEST_CASE("Only the pages that changed are written again", "[indexer]") {
  testing::TempDir dir;
  const char* page1 =
      "城市书房开到家门口\n\n本报记者 林书言\n\n今年全市新建城市书房12座。\n";
  testing::WriteFile(dir / "in/2026-06-11/01.txt", page1);
  testing::WriteFile(dir / "in/2026-06-11/02.txt", kGoodPage);
  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({dir / "in"}, errors);
  IndexFiles(dir / "db", files, {});
  // Page 2 gets a second article; page 1 is as it was.
  testing::WriteFile(
      dir / "in/2026-06-11/02.txt",
      std::string(kGoodPage) +
          "\n\n\n夜间公交开通\n\n本报记者 马骁\n\n首条夜间公交专线开通。\n");
  BatchSummary s = IndexFiles(dir / "db", files, {});
  CHECK(s.unchanged == 1);
  CHECK(s.replaced == 1);
  CHECK(s.added == 1);
  CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 3);
}

TEST_CASE("NDJSON exports are indexed line by line", "[indexer]") {
  testing::TempDir dir;
  testing::WriteFile(
      dir / "cms.ndjson",
      R"({"date": "2026-06-18", "page": 2, "paper_code": "yzrb", "headline": "夜市开张", "paragraphs": ["东关区夜市今晚开张。"]})"
      "\n"
      R"({"date": "2026-06-18", "page": "2", "paragraphs": ["坏行"]})"
      "\n");
  std::vector<std::string> errors;
  BatchOptions options;
  options.report = [&](const corpus::Diagnostic& d, bool is_error) {
    if (is_error) errors.push_back(d.ToString());
  };
  BatchSummary s = IndexFiles(dir / "db", {dir / "cms.ndjson"}, options);
  CHECK(s.articles == 1);
  CHECK(s.failed_records == 1);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("cms.ndjson:2: field 'page'") != std::string::npos);
  Xapian::Database db((dir / "db").string());
  CHECK(db.term_exists("Qyzrb-20260618-02-01"));
}

TEST_CASE("A 50 MB page is refused with a message naming it", "[indexer]") {
  testing::TempDir dir;
  std::string huge;
  const std::string line = "全市新建城市书房12座,总藏书量达到18万册。\n\n";
  while (huge.size() < (50u << 20)) huge += line;
  testing::WriteFile(dir / "in/2026-06-11/09.txt", huge);
  testing::WriteFile(dir / "in/2026-06-11/01.txt", kGoodPage);
  std::vector<std::string> errors;
  BatchOptions options;
  options.report = [&](const corpus::Diagnostic& d, bool is_error) {
    if (is_error) errors.push_back(d.ToString());
  };
  std::vector<corpus::Diagnostic> find_errors;
  BatchSummary s =
      IndexFiles(dir / "db", FindPageFiles({dir / "in"}, find_errors), options);
  CHECK(s.articles == 1);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("09.txt: file is 50 MiB, larger than the page limit") !=
        std::string::npos);
}

}  // namespace
}  // namespace baoku::indexer
