#include "baoku/indexer/batch.h"

#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/schema.h"
#include "prominence_fixtures.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

const char* kGoodPage =
    "城市书房开到家门口\n\n本报记者 林书言\n\n今年全市新建城市书房12座。\n";
const char* kOtherPage = "另一篇稿子\n\n本报记者 王一\n\n正文。\n";

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

// Every error reported by IndexFiles, as "file:line: message".
struct Reported {
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  BatchOptions Options() {
    BatchOptions options;
    options.report = [this](const corpus::Diagnostic& d, bool is_error) {
      (is_error ? errors : warnings).push_back(d.ToString());
    };
    return options;
  }
};

bool HasId(const std::filesystem::path& db, const std::string& id) {
  return Xapian::Database(db.string()).term_exists("Q" + id);
}

TEST_CASE("A page that fails to read (EIO) is named and the rest indexed",
          "[indexer]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/01.txt", kGoodPage);
  testing::WriteFile(dir / "in/2026-06-12/01.txt", kGoodPage);
  // Reading /proc/self/mem at offset 0 fails with EIO, as a bad disk block
  // does: libstdc++ throws from basic_filebuf::underflow.
  std::filesystem::create_symlink("/proc/self/mem",
                                  dir / "in/2026-06-11/02.txt");
  Reported reported;
  std::vector<corpus::Diagnostic> find_errors;
  BatchSummary s = IndexFiles(
      dir / "db", FindPageFiles({dir / "in"}, find_errors), reported.Options());
  CHECK(s.failed_files == 1);
  CHECK(s.issues == 2);
  REQUIRE(reported.errors.size() == 1);
  CHECK(reported.errors[0].find("02.txt: cannot read the file") !=
        std::string::npos);
  CHECK(reported.errors[0].find("Input/output error") != std::string::npos);
  CHECK(HasId(dir / "db", "paper-20260611-01-01"));
  CHECK(HasId(dir / "db", "paper-20260612-01-01"));
}

TEST_CASE("An issue folder that cannot be read is named", "[indexer]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/01.txt", kGoodPage);
  testing::WriteFile(dir / "in/2026-06-12/01.txt", kGoodPage);
  namespace fs = std::filesystem;
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::others_exec);
  fs::permissions(dir / "in/2026-06-11", fs::perms::none);
  // Root reads any folder, so the walk runs as "nobody" in a child process.
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
      _exit(2);
    }
    std::vector<corpus::Diagnostic> errors;
    auto files = FindPageFiles({dir / "in"}, errors);
    bool named = errors.size() == 1 &&
                 errors[0].ToString().find(
                     "2026-06-11: cannot read the folder") != std::string::npos;
    bool rest =
        files.size() == 1 && files[0].parent_path().filename() == "2026-06-12";
    _exit(named && rest ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  fs::permissions(dir / "in/2026-06-11", fs::perms::owner_all);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("Two files of one page in a batch: an error naming both",
          "[indexer]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/2.txt", kGoodPage);
  testing::WriteFile(dir / "in/2026-06-11/02.txt", kOtherPage);
  Reported reported;
  std::vector<corpus::Diagnostic> find_errors;
  BatchSummary s = IndexFiles(
      dir / "db", FindPageFiles({dir / "in"}, find_errors), reported.Options());
  CHECK(s.failed_files == 1);
  REQUIRE(reported.errors.size() == 1);
  // Sorted by path, 02.txt comes first and is indexed.
  CHECK(reported.errors[0].find("2026-06-11/2.txt: page paper-20260611-02 is "
                                "also read from ") != std::string::npos);
  CHECK(reported.errors[0].find("2026-06-11/02.txt") != std::string::npos);
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 1);
}

TEST_CASE("A copied issue that names the old date: an error, index kept",
          "[indexer]") {
  testing::TempDir dir;
  const std::string manifest = R"({"date": "2026-06-11"})";
  testing::WriteFile(dir / "in/2026-06-11/issue.json", manifest);
  testing::WriteFile(dir / "in/2026-06-11/01.txt", kGoodPage);
  Reported first;
  std::vector<corpus::Diagnostic> find_errors;
  IndexFiles(dir / "db", FindPageFiles({dir / "in"}, find_errors),
             first.Options());
  REQUIRE(first.errors.empty());
  // A later batch: the folder copied for the next day, issue.json unchanged.
  testing::WriteFile(dir / "next/2026-06-12/issue.json", manifest);
  testing::WriteFile(dir / "next/2026-06-12/01.txt",
                     "次日头条\n\n本报记者 王一\n\n正文。\n");
  Reported second;
  BatchSummary s = IndexFiles(
      dir / "db", FindPageFiles({dir / "next"}, find_errors), second.Options());
  CHECK(s.failed_files == 1);
  REQUIRE(second.errors.size() == 1);
  CHECK(second.errors[0].find("next/2026-06-12/01.txt: page "
                              "paper-20260611-01 is also read from ") !=
        std::string::npos);
  CHECK(second.errors[0].find("in/2026-06-11/01.txt") != std::string::npos);
  Xapian::Database db((dir / "db").string());
  REQUIRE(db.get_doccount() == 1);
  // The first file's article is still the one indexed.
  CHECK(db.get_document(1).get_data().find("城市书房") != std::string::npos);
}

TEST_CASE("A page rewritten with no article removes its old ones",
          "[indexer]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/01.txt", kGoodPage);
  testing::WriteFile(dir / "in/2026-06-11/02.txt", kOtherPage);
  std::vector<corpus::Diagnostic> find_errors;
  auto files = FindPageFiles({dir / "in"}, find_errors);
  IndexFiles(dir / "db", files, {});
  REQUIRE(HasId(dir / "db", "paper-20260611-02-01"));
  // Only punctuation: the reader finds no article in it.
  testing::WriteFile(dir / "in/2026-06-11/02.txt", "——\n\n……\n");
  BatchSummary s = IndexFiles(dir / "db", files, {});
  CHECK(s.removed == 1);
  CHECK_FALSE(HasId(dir / "db", "paper-20260611-02-01"));
  CHECK(HasId(dir / "db", "paper-20260611-01-01"));
  // Every page of an issue emptied.
  testing::WriteFile(dir / "in/2026-06-11/01.txt", "——\n");
  s = IndexFiles(dir / "db", files, {});
  CHECK(s.removed == 1);
  CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 0);
}

TEST_CASE("A 5 MiB one-line page is refused: memory stays bounded",
          "[indexer]") {
  // A 15 MiB one-line page took 1.04 GB and 7.8 s; a 4 MiB one, the limit,
  // about 300 MB (docs/RELIABILITY.md).
  testing::TempDir dir;
  std::string line = "城市书房开到家门口\n\n";
  while (line.size() < (5u << 20))
    line += "全市新建城市书房十二座,总藏书量达到十八万册。";
  testing::WriteFile(dir / "in/2026-06-11/01.txt", line + "\n");
  testing::WriteFile(dir / "in/2026-06-11/02.txt", kGoodPage);
  Reported reported;
  std::vector<corpus::Diagnostic> find_errors;
  BatchSummary s = IndexFiles(
      dir / "db", FindPageFiles({dir / "in"}, find_errors), reported.Options());
  CHECK(s.articles == 1);
  REQUIRE(reported.errors.size() == 1);
  CHECK(reported.errors[0].find("01.txt: file is 5 MiB, larger than the page "
                                "limit of 4 MiB") != std::string::npos);
}

}  // namespace
}  // namespace baoku::indexer

namespace baoku::indexer {
namespace {

// The ids of the documents holding `term`, sorted.
std::vector<std::string> IdsWith(const Xapian::Database& db,
                                 const std::string& term) {
  std::vector<std::string> ids;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    auto json = nlohmann::json::parse(db.get_document(*it).get_data());
    ids.push_back(json.at("id").get<std::string>());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_CASE("Prominence terms: 头版 on page 1, 头条 for each page's lead, 有图",
          "[indexer][prominence]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-07-01/01.txt",
                     std::string(testing::kProminencePage1));
  testing::WriteFile(dir / "in/2026-07-01/02.txt",
                     std::string(testing::kProminencePage2));
  std::vector<corpus::Diagnostic> errors;
  BatchSummary s =
      IndexFiles(dir / "db", FindPageFiles({dir / "in"}, errors), {});
  REQUIRE(s.failed_files == 0);
  REQUIRE(s.articles == 9);
  Xapian::Database db((dir / "db").string());
  const std::string prefix(corpus::schema::kProminence);
  // The lead of page 1, then the second story, the photo and the 文/图 one.
  CHECK(IdsWith(db, prefix + "头版") ==
        std::vector<std::string>{"paper-20260701-01-01", "paper-20260701-01-02",
                                 "paper-20260701-01-03",
                                 "paper-20260701-01-04"});
  // Page 2's lead comes after the continuation and the briefs.
  CHECK(
      IdsWith(db, prefix + "头条") ==
      std::vector<std::string>{"paper-20260701-01-01", "paper-20260701-02-04"});
  CHECK(
      IdsWith(db, prefix + "有图") ==
      std::vector<std::string>{"paper-20260701-01-03", "paper-20260701-01-04"});
  // The record keeps the flag, so that re-building a document from it
  // (retopic) keeps the term.
  auto lead = db.postlist_begin(prefix + "头条");
  auto record = corpus::ArticleFromJson(
      nlohmann::json::parse(db.get_document(*lead).get_data()));
  REQUIRE(record);
  CHECK(record->lead_story);
  // The score slot: the lead of page 1 (front, lead, short) scores more than
  // the second story (front, short).
  auto score = [&](const std::string& id) {
    auto doc = db.postlist_begin(std::string(corpus::schema::kId) + id);
    return Xapian::sortable_unserialise(
        db.get_document(*doc).get_value(corpus::schema::kProminenceScoreSlot));
  };
  CHECK(score("paper-20260701-01-01") > score("paper-20260701-01-02"));
  CHECK(score("paper-20260701-01-02") > 0.25);
  CHECK(score("paper-20260701-01-02") < 0.5);
}

}  // namespace
}  // namespace baoku::indexer
