#include "baoku/corpus/page_meta.h"

#include <catch2/catch.hpp>

#include "baoku/corpus/page_reader.h"
#include "test_support.h"

namespace baoku::corpus {
namespace {

TEST_CASE("MetaFromPath reads date and page from the layouts in use",
          "[meta]") {
  struct Case {
    const char* path;
    const char* date;  // nullptr: none.
    int page;
  };
  const Case cases[] = {
      {"archive/2026-06-11/03.txt", "2026-06-11", 3},
      {"archive/2026/06/11/03.txt", "2026-06-11", 3},
      {"archive/20260611_03.txt", "2026-06-11", 3},
      {"archive/2026-06-11_12.txt", "2026-06-11", 12},
      {"archive/2026-13-11/03.txt", nullptr, 0},
      {"archive/000_300ea7ac26b2dcfe.txt", nullptr, 0},
      {"archive/2026-06-11/notes.txt", nullptr, 0},
  };
  for (const auto& c : cases) {
    INFO(c.path);
    PageMeta meta = MetaFromPath(c.path);
    if (!c.date) {
      CHECK_FALSE(meta.date.has_value());
      continue;
    }
    REQUIRE(meta.date);
    CHECK(meta.date->ToIso() == c.date);
    REQUIRE(meta.page);
    CHECK(*meta.page == c.page);
  }
}

TEST_CASE("Front matter comes first and bad values name their line", "[meta]") {
  auto fm = ParseFrontMatter(
      "---\npaper: 云州日报\ndate: 2026-06-12\npage: 5\nsection: 要闻\n---\n"
      "正文",
      "p.txt");
  CHECK(fm.line_count == 6);
  CHECK(fm.errors.empty());
  CHECK(fm.meta.paper == "云州日报");
  CHECK(fm.meta.date->ToIso() == "2026-06-12");
  CHECK(*fm.meta.page == 5);
  CHECK(fm.meta.section == "要闻");

  auto bad =
      ParseFrontMatter("---\ndate: 2026-02-30\ncolour: red\n---\n", "bad.txt");
  REQUIRE(bad.errors.size() == 2);
  CHECK(bad.errors[0].line == 2);
  CHECK(bad.errors[0].ToString().find("bad.txt:2:") == 0);
  CHECK(bad.errors[1].line == 3);

  CHECK(ParseFrontMatter("正文\n---\n", "x").line_count == 0);
  CHECK(ParseFrontMatter("---\n没有结束\n", "x").line_count == 0);
}

TEST_CASE("ReadPageFile takes front matter over issue.json over the path",
          "[meta]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "2026-06-11/issue.json",
                     R"({"paper": "云州日报", "paper_code": "yzrb",
                         "date": "2026-06-11", "sections": {"02": "综合新闻"}})");
  const std::string body = "标题一行\n\n本报记者 王晓峰\n\n正文第一段。\n";
  testing::WriteFile(dir / "2026-06-11/02.txt", body);
  testing::WriteFile(dir / "2026-06-11/04.txt",
                     "---\ndate: 2026-06-10\npaper_code: yzwb\n---\n" + body);

  auto page2 = ReadPageFile(dir / "2026-06-11/02.txt", PageMeta{});
  REQUIRE(page2.articles.size() == 1);
  CHECK(page2.articles[0].paper == "云州日报");
  CHECK(page2.articles[0].section == "综合新闻");
  CHECK(page2.articles[0].id == "yzrb-20260611-02-01");

  auto page4 = ReadPageFile(dir / "2026-06-11/04.txt", PageMeta{});
  REQUIRE(page4.articles.size() == 1);
  CHECK(page4.articles[0].id == "yzwb-20260610-04-01");
  CHECK(page4.articles[0].lines.first == 5);

  // No date anywhere: reported, not indexed.
  testing::WriteFile(dir / "loose/page.txt", body);
  auto loose = ReadPageFile(dir / "loose/page.txt", PageMeta{});
  REQUIRE(loose.error);
  CHECK(loose.error->file.find("page.txt") != std::string::npos);
  PageMeta defaults;
  defaults.date = Date{2026, 6, 9};
  defaults.page = 1;
  CHECK(ReadPageFile(dir / "loose/page.txt", defaults).articles.size() == 1);
}

TEST_CASE("A broken issue.json is a warning naming it", "[meta]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "2026-06-11/issue.json", "{not json");
  testing::WriteFile(dir / "2026-06-11/01.txt",
                     "标题\n\n本报记者 高原\n\n正文。\n");
  auto page = ReadPageFile(dir / "2026-06-11/01.txt", PageMeta{});
  REQUIRE(page.articles.size() == 1);
  REQUIRE_FALSE(page.warnings.empty());
  CHECK(page.warnings[0].file.find("issue.json") != std::string::npos);
}

}  // namespace
}  // namespace baoku::corpus
