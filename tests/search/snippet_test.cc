#include "baoku/search/snippet.h"

#include <catch2/catch.hpp>

#include "baoku/corpus/utf8.h"
#include "baoku/search/query_builder.h"
#include "search_fixture.h"

namespace baoku::search {
namespace {

// The highlighted parts of a snippet, as text.
std::vector<std::string> Marked(const Snippet& s) {
  std::vector<std::string> out;
  for (const auto& h : s.highlights) {
    size_t b = corpus::utf8::OffsetOfCodePoint(s.text, h.begin);
    size_t e = corpus::utf8::OffsetOfCodePoint(s.text, h.end);
    out.push_back(s.text.substr(b, e - b));
  }
  return out;
}

Snippet SnippetFor(const std::string& text, const std::string& query,
                   size_t max_chars = kSnippetChars) {
  auto built = BuildQuery(query, testing::SharedAnalyzer());
  REQUIRE_FALSE(built.error);
  return MakeSnippet(text, built.highlight_phrases, testing::SharedAnalyzer(),
                     max_chars);
}

TEST_CASE("Snippets mark whole phrases in the original text", "[snippet]") {
  struct Case {
    const char* text;
    const char* query;
    std::vector<std::string> marked;
  };
  const Case cases[] = {
      {"住宅专项维修资金是房屋的“养老金”。", "维修资金", {"维修资金"}},
      // A traditional query marks the simplified text, and vice versa.
      {"住宅专项维修资金是房屋的“养老金”。", "維修資金", {"维修资金"}},
      {"住宅專項維修資金", "维修资金", {"維修資金"}},
      {"经纬厂ＧＯＨＯＭＥ艺术中心", "gohome", {"ＧＯＨＯＭＥ"}},
      {"打通了“排查、整改、问责”全链条", "排查、整改", {"排查、整改"}},
      // Parts of a phrase alone are not marked.
      {"资金到位,维修及时。", "维修资金", {}},
      // Pieces between white space without a query term are not analyzed
      // (TextAnalyzer::AnalyzeFor) yet still keep a phrase from spanning
      // them; punctuation alone between two parts does not.
      {"alpha beta gamma", "\"alpha gamma\"", {}},
      {"alpha — gamma", "\"alpha gamma\"", {"alpha — gamma"}},
      {"第一段无关。 维修资金到位。 中间一段。 再提维修资金",
       "维修资金",
       {"维修资金", "维修资金"}},
      {"住宅 專項維修資金 Q&A 3.47亿",
       "维修资金 3.47亿",
       {"維修資金", "3.47亿"}},
  };
  for (const auto& c : cases) {
    INFO(c.text << " / " << c.query);
    CHECK(Marked(SnippetFor(c.text, c.query)) == c.marked);
  }
}

TEST_CASE("Snippets pick the window with the matches", "[snippet]") {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "与本题无关的句子。";
  text += "电梯急停,维修资金却取不出来。";
  for (int i = 0; i < 30; ++i) text += "后面也无关。";
  Snippet s = SnippetFor(text, "维修资金 电梯", 40);
  CHECK(Marked(s) == std::vector<std::string>{"电梯", "维修资金"});
  CHECK(s.text.rfind("…", 0) == 0);
  CHECK(corpus::utf8::CodePointCount(s.text) <= 42);
}

TEST_CASE("Without a match the snippet is the start of the text", "[snippet]") {
  Snippet s = SnippetFor("短文一篇。", "电梯");
  CHECK(s.text == "短文一篇。");
  CHECK(s.highlights.empty());
}

TEST_CASE("A window as wide as a text of matches is found in linear time",
          "[snippet]") {
  // 20,000 occurrences in one window: a count per window start took
  // quadratic time (a 256 KiB paragraph: 55.7 s of CPU).
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "的";
  size_t chars = corpus::utf8::CodePointCount(text);
  Snippet s = SnippetFor(text, "的", 5 * chars + 5);
  CHECK(s.text == text);
  // Touching marks merge into one.
  REQUIRE(s.highlights.size() == 1);
  CHECK(s.highlights[0].begin == 0);
  CHECK(s.highlights[0].end == chars);
}

TEST_CASE("The snippet of a very long text is chosen from its start",
          "[snippet]") {
  std::string text;
  while (text.size() < 4 * kMaxSnippetScanBytes) text += "无关的句子。";
  text += "维修资金";
  Snippet s = SnippetFor(text, "维修资金");
  CHECK(Marked(s).empty());
  CHECK(s.text.rfind("无关的句子。", 0) == 0);
  CHECK(s.text.ends_with("…"));
}

TEST_CASE("MarkAll marks every occurrence, within its bounds", "[snippet]") {
  auto built = BuildQuery("维修资金", testing::SharedAnalyzer());
  auto marks = [&](const std::string& text) {
    return MarkAll(text, built.highlight_phrases, testing::SharedAnalyzer());
  };
  auto two = marks("维修资金到位,再提维修资金。");
  REQUIRE(two.size() == 2);
  CHECK(two[1].begin == 9);
  CHECK(two[1].end == 13);
  // Separated occurrences, far more than kMaxMarks.
  std::string many;
  while (many.size() < kMaxMarkedBytes / 2) many += "维修资金,";
  CHECK(marks(many).size() == kMaxMarks);
  // None past kMaxMarkedBytes.
  std::string late(kMaxMarkedBytes, 'x');
  CHECK(marks(late + " 维修资金").empty());
  CHECK(marks("维修资金 " + late).size() == 1);
}

}  // namespace
}  // namespace baoku::search
