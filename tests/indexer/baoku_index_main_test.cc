// baoku-index on hostile input: every bad file is reported with a message
// naming it (and the line, where there is one), nothing else of the batch is
// lost, and no input makes the tool crash or hang.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "baoku/corpus/schema.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

std::string Tool() {
  return (testing::BinaryDir() / "indexer/baoku-index").string();
}

// Runs baoku-index with stderr folded into the returned output.
int RunIndexer(const std::string& args, std::string* out) {
  return testing::Run({"/bin/sh", "-c", Tool() + " " + args + " 2>&1"}, out);
}

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

// A good page whose headline carries a word found nowhere else.
std::string GoodPage(const std::string& word) {
  return word + "开到家门口\n\n本报记者 林书言\n\n今年全市新建" + word +
         "12座,藏书18万册。\n";
}

TEST_CASE("baoku-index reports each bad file by name and indexes the rest",
          "[indexer][bad-input]") {
  testing::TempDir dir;
  struct Case {
    const char* file;
    std::string bytes;
    // Expected in the output: the error or warning naming the file (and
    // line); empty when the file is read without complaint.
    const char* message;
    // A word of the file that must be found after the run; empty: none.
    const char* word;
  };
  const std::string paragraph = "全市新建城市书房12座,总藏书量达到18万册。";
  // A page that is one paragraph: 2 MiB, 256 KiB in a sanitizer build
  // (where analysis is several times slower; the 1 MB line stays 1 MB).
  const size_t one_paragraph = testing::kSanitizedBuild ? 256u << 10 : 2u << 20;
  const Case cases[] = {
      {"2026-06-11/01.txt", GoodPage("社区书屋"), "", "社区书屋"},
      {"2026-06-11/02.txt", "", "02.txt: empty file", ""},
      {"2026-06-11/03.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
       "03.txt: not a text page", ""},
      {"2026-06-11/04.txt", Repeat(paragraph + "\n\n", 50u << 20),
       "04.txt: file is 50 MiB, larger than the page limit", ""},
      {"2026-06-12/01.txt",
       "夜间公交专线开通\n\n本报记者 "
       "马骁\n\n首条夜间\xFF\xFE公交专线星光号开通。\n",
       "2026-06-12/01.txt:5:", "星光号"},
      // A line of 1 MB and a page that is one paragraph.
      {"2026-06-12/02.txt", "长句测试标题\n\n" + Repeat(paragraph, 1u << 20),
       "", "长句测试"},
      {"2026-06-12/03.txt", Repeat(paragraph, one_paragraph) + "段落尾声词\n",
       "", "段落尾声词"},
      // Deeply repeated quotes and brackets, and nothing but punctuation.
      {"2026-06-13/01.txt",
       "引号标题\n\n" + Repeat("「", 100000) + "蓝鲸湾" + Repeat("」", 100000) +
           "\n",
       "", "蓝鲸湾"},
      {"2026-06-13/02.txt",
       "括号标题\n\n" + Repeat("(", 100000) + Repeat("（", 50000) + "雪松坡" +
           Repeat(")", 100000) + "\n",
       "", "雪松坡"},
      {"2026-06-13/03.txt",
       "双引号标题\n\n" + Repeat("\"\"“”", 50000) + "银杏巷\n", "", "银杏巷"},
      {"2026-06-13/04.txt", Repeat("。，、；：？！…—《》\n", 680000),
       "2026-06-13/04.txt:1: lines 1-20000: only punctuation", ""},
      {"2026-06-14/01.txt", GoodPage("夜读驿站"), "", "夜读驿站"},
  };
  for (const auto& c : cases) {
    testing::WriteFile(dir / "in" / c.file, c.bytes);
  }
  std::string out;
  // Not --quiet: the warnings (undecodable bytes, punctuation) are shown.
  int status = RunIndexer(
      "--db " + (dir / "db").string() + " " + (dir / "in").string(), &out);
  INFO(out);
  CHECK(status == 1);  // Some files failed; the run itself completed.
  Xapian::Database db((dir / "db").string());
  for (const auto& c : cases) {
    INFO(c.file);
    if (*c.message) CHECK(out.find(c.message) != std::string::npos);
    if (*c.word) {
      // The word's first two characters, a bigram term (3 bytes each).
      std::string bigram = std::string(c.word).substr(0, 6);
      CHECK(db.get_termfreq(bigram) > 0);
    }
  }
  CHECK(out.find("(3 failed)") != std::string::npos);
}

TEST_CASE("baoku-index names the bad parameter of its command line",
          "[indexer][bad-input]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "page.txt", GoodPage("城市书房"));
  struct Case {
    std::string args;
    const char* message;
  };
  const std::string db = " --db " + (dir / "db").string() + " ";
  const Case cases[] = {
      {db + "--date 2026-13-45 " + (dir / "page.txt").string(), "--date"},
      {db + "--date 2026-06-11 --page 99999999999999999999 " +
           (dir / "page.txt").string(),
       "--page"},
      {db + "--date 2026-06-11 --page -3 " + (dir / "page.txt").string(),
       "--page"},
      {db + "--threads 100000 " + (dir / "page.txt").string(), "--threads"},
      {db + "--commit-every 0 " + (dir / "page.txt").string(),
       "--commit-every"},
      {db + (dir / "missing").string(), "missing: no such file or directory"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    std::string out;
    int status = RunIndexer(c.args, &out);
    INFO(out);
    CHECK(status != 0);
    CHECK(out.find(c.message) != std::string::npos);
  }
}

TEST_CASE("baoku-index subcommands and their old flag forms agree",
          "[indexer][cli]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/01.txt", GoodPage("城市书房"));
  const std::string db = (dir / "db").string();
  const std::string in = (dir / "in").string();
  std::string out;
  REQUIRE(RunIndexer("index -q --db " + db + " " + in, &out) == 0);
  CHECK(out.find("1 articles (1 new") != std::string::npos);
  // The old form: the same command, nothing changed the second time.
  REQUIRE(RunIndexer("-q --db " + db + " " + in, &out) == 0);
  CHECK(out.find("1 unchanged") != std::string::npos);

  REQUIRE(RunIndexer("stats --db " + db, &out) == 0);
  CHECK(out.find("articles       1") != std::string::npos);
  CHECK(out.find("schema         " +
                 std::to_string(corpus::schema::kSchemaVersion)) !=
        std::string::npos);

  std::string page = (dir / "in/2026-06-11/01.txt").string();
  std::string explained, old_form;
  REQUIRE(RunIndexer("explain " + page, &explained) == 0);
  REQUIRE(RunIndexer("--explain " + page, &old_form) == 0);
  CHECK(explained == old_form);
  CHECK(explained.find("城市书房") != std::string::npos);

  REQUIRE(RunIndexer("compact --db " + db, &out) == 0);
  CHECK(out.find("compacted") != std::string::npos);
  REQUIRE(RunIndexer("--db " + db + " --compact", &out) == 0);
  CHECK(out.find("compacted") != std::string::npos);

  REQUIRE(RunIndexer("retopic -q --db " + db, &out) == 0);
  CHECK(out.find("retopic " + db + ": 1 articles") != std::string::npos);
  REQUIRE(RunIndexer("--db " + db + " --retopic -q", &out) == 0);
  CHECK(out.find("1 articles, 0 changed") != std::string::npos);

  // close-shard on an index that is not sharded: refused, both forms.
  CHECK(RunIndexer("close-shard --db " + db + " 2026", &out) == 3);
  CHECK(RunIndexer("--db " + db + " --close-shard 2026", &out) == 3);

  // Unknown subcommand options are named.
  CHECK(RunIndexer("stats --db " + db + " --bogus", &out) != 0);
  CHECK(out.find("--bogus") != std::string::npos);
}

TEST_CASE(
    "baoku-index refuses an index of the previous schema and "
    "rebuilds it",
    "[indexer][cli][version]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/01.txt", GoodPage("城市书房"));
  const std::string db = (dir / "db").string();
  {
    // As every index before versions were stored: no versions.
    Xapian::WritableDatabase old(db, Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_boolean_term("Qold-1");
    old.add_document(doc);
    old.commit();
  }
  std::string out;
  CHECK(RunIndexer("-q --db " + db + " " + (dir / "in").string(), &out) == 3);
  INFO(out);
  CHECK(out.find(db) != std::string::npos);
  CHECK(out.find("1（未记录版本）") != std::string::npos);
  CHECK(out.find("baoku-index index --rebuild --db " + db) !=
        std::string::npos);

  REQUIRE(
      RunIndexer("index --rebuild -q --db " + db + " " + (dir / "in").string(),
                 &out) == 0);
  CHECK(out.find("rebuilt " + db) != std::string::npos);
  Xapian::Database rebuilt(db);
  CHECK(rebuilt.get_doccount() == 1);
  CHECK_FALSE(rebuilt.term_exists("Qold-1"));
  CHECK_FALSE(std::filesystem::exists(db + ".rebuilding"));
}

TEST_CASE("baoku-index explain shows a correction notice as a correction",
          "[indexer][cli][corrections]") {
  // The sample issue of 2026-06-17 prints a 更正 on page 2.
  std::string out;
  REQUIRE(testing::Run({Tool(), "explain",
                        (testing::SamplesDir() / "2026-06-17/02.txt").string()},
                       &out) == 0);
  auto explained = nlohmann::json::parse(out);
  int corrections = 0;
  for (const auto& a : explained["articles"]) {
    if (a["headline"] == "更正") {
      CHECK(a["kind"] == "correction");
      ++corrections;
    } else {
      CHECK(a["kind"] != "correction");
    }
  }
  CHECK(corrections == 1);
}

TEST_CASE("baoku-index lexicon-add re-writes the articles holding the word",
          "[indexer][cli][lexicon]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "in/2026-06-11/01.txt", GoodPage("桐溪湾书房"));
  testing::WriteFile(dir / "in/2026-06-11/02.txt", GoodPage("城市书房"));
  testing::WriteFile(dir / "lexicon.txt", "# none\n");
  const std::string db = (dir / "db").string();
  const std::string lexicon = " --lexicon " + (dir / "lexicon.txt").string();
  std::string out;
  REQUIRE(
      RunIndexer("index -q --db " + db + lexicon + " " + (dir / "in").string(),
                 &out) == 0);
  REQUIRE(RunIndexer("lexicon-add --db " + db + lexicon + " 桐溪湾", &out) ==
          0);
  INFO(out);
  CHECK(out.find("1 words (桐溪湾), 1 articles hold them, 1 re-written") !=
        std::string::npos);
  // The old flag form; nothing left to re-write.
  REQUIRE(RunIndexer("--db " + db + lexicon + " --lexicon-add 桐溪灣 -q",
                     &out) == 0);
  CHECK(out.find("1 articles hold them, 0 re-written") != std::string::npos);
  CHECK(Xapian::Database(db).term_exists("桐溪湾"));

  // Bad words are refused, naming the parameter, before the index is
  // opened.
  for (const char* bad :
       {"''", "'桐溪 湾'", "桐溪湾，", "\"$(printf '\\377\\376')\""}) {
    INFO(bad);
    CHECK(RunIndexer("lexicon-add --db " + db + " " + bad, &out) == 2);
    CHECK(out.find("WORD: ") != std::string::npos);
  }
  CHECK(RunIndexer("lexicon-add --db " + (dir / "missing").string() + " 桐溪湾",
                   &out) == 3);
  CHECK(out.find("no such index") != std::string::npos);
}

}  // namespace
}  // namespace baoku::indexer
