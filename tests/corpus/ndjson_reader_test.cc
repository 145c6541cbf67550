#include "baoku/corpus/ndjson_reader.h"

#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

PageMeta Defaults() {
  PageMeta meta;
  meta.paper = "云州日报";
  meta.paper_code = "yzrb";
  return meta;
}

TEST_CASE("ParseNdjson reads one article per line", "[ndjson]") {
  const char* text =
      R"({"date": "2026-06-18", "page": 2, "headline": "夜市开张", "reporters": ["马骁"], "paragraphs": ["东关区夜市今晚开张。"]})"
      "\n\n"
      R"({"date": "2026-06-18", "page": 2, "kind": "brief", "column": "简讯", "paragraphs": ["图书馆延长开放时间。"]})"
      "\n"
      R"({"date": "2026-06-18", "page": 3, "ordinal": 4, "paper_code": "yzwb", "paragraphs": ["晚报稿件。"], "tags": ["x"]})"
      "\n";
  NdjsonReading r = ParseNdjson(text, "cms.ndjson", Defaults());
  CHECK(r.errors.empty());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].id == "yzrb-20260618-02-01");
  CHECK(r.articles[0].paper == "云州日报");
  CHECK(r.articles[0].reporters == std::vector<std::string>{"马骁"});
  CHECK(r.articles[0].lines.first == 1);
  CHECK(r.articles[1].id == "yzrb-20260618-02-02");
  CHECK(r.articles[1].kind == ArticleKind::kBrief);
  CHECK(r.articles[1].lines.first == 3);
  CHECK(r.articles[2].id == "yzwb-20260618-03-04");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].ToString() ==
        "cms.ndjson:4: unknown field 'tags' ignored");
}

TEST_CASE("ParseNdjson names the line and field of every bad record",
          "[ndjson]") {
  struct Case {
    const char* line;
    const char* message;
  };
  const Case cases[] = {
      {R"({"date": "2026-06-18", "page": 2)", "not valid JSON"},
      {R"(["date"])", "an article must be a JSON object, not array"},
      {R"({"page": 2, "paragraphs": ["a"]})", "missing field 'date'"},
      {R"({"date": "2026-02-30", "page": 2, "paragraphs": ["a"]})",
       "field 'date' '2026-02-30' is not a valid YYYY-MM-DD date"},
      {R"({"date": "2026-06-18", "page": "二", "paragraphs": ["a"]})",
       "field 'page' must be a whole number, not string"},
      {R"({"date": "2026-06-18", "page": 0, "paragraphs": ["a"]})",
       "field 'page' 0 is not a page number 1..999"},
      {R"({"date": "2026-06-18", "page": 1, "paragraphs": "正文"})",
       "field 'paragraphs' must be a list of strings, not string"},
      {R"({"date": "2026-06-18", "page": 1, "paragraphs": ["a"], "reporters": "马骁"})",
       "field 'reporters' must be a list of strings, not string"},
      {R"({"date": "2026-06-18", "page": 1, "paragraphs": ["a"], "kind": "ad"})",
       "field 'kind' 'ad' is not one of news, qa, photo, brief, commentary"},
      {R"({"date": "2026-06-18", "page": 1, "paragraphs": []})",
       "the article has neither 'headline' nor 'paragraphs' text"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    std::string text = std::string(
                           "{\"date\": \"2026-06-18\", \"page\": 1, "
                           "\"paragraphs\": [\"好行\"]}\n") +
                       c.line + "\n";
    NdjsonReading r = ParseNdjson(text, "cms.ndjson", Defaults());
    CHECK(r.articles.size() == 1);  // The good line is still read.
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].ToString() == std::string("cms.ndjson:2: ") + c.message);
  }
}

TEST_CASE("IsNdjsonPath knows the export file names", "[ndjson]") {
  CHECK(IsNdjsonPath("export/2026-06.ndjson"));
  CHECK(IsNdjsonPath("a.jsonl"));
  CHECK_FALSE(IsNdjsonPath("2026-06-11/01.txt"));
  CHECK_FALSE(IsNdjsonPath("issue.json"));
}

}  // namespace
}  // namespace baoku::corpus
