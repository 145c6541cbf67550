#include "baoku/corpus/lexicon.h"

#include <catch2/catch.hpp>

#include "baoku/corpus/text_analyzer.h"
#include "test_support.h"

namespace baoku::corpus {
namespace {

const TextAnalyzer& Analyzer() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

std::vector<std::string> Words(const std::string& text,
                               const Lexicon* lexicon) {
  std::vector<std::string> out;
  for (const auto& span : Analyzer().Segment(text, lexicon)) {
    out.push_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

TEST_CASE("The lexicon joins what ICU splits", "[lexicon]") {
  Lexicon lexicon;
  lexicon.Add("张子珂", Analyzer());
  lexicon.Add("住建局", Analyzer());
  lexicon.Add("桑干河新区", Analyzer());
  struct Case {
    const char* text;
    const char* word;
  };
  const Case cases[] = {
      {"本报记者张子珂报道", "张子珂"},
      {"由市住建局党组牵头", "住建局"},
      {"由市住建局党组牵头", "住建局"},
      {"桑干河新区管委会", "桑干河新区"},
      {"張子珂", "張子珂"},  // Traditional spelling, original text kept.
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto raw = Words(c.text, nullptr);
    auto merged = Words(c.text, &lexicon);
    CHECK(std::find(merged.begin(), merged.end(), c.word) != merged.end());
    // Merging only joins ICU's segments, it never splits one.
    std::string joined_raw, joined_merged;
    for (const auto& w : raw) joined_raw += w;
    for (const auto& w : merged) joined_merged += w;
    CHECK(joined_raw == joined_merged);
  }
  // ICU alone splits the seed's name (the reason for the lexicon).
  auto raw = Words("本报记者张子珂报道", nullptr);
  CHECK(std::find(raw.begin(), raw.end(), "张子珂") == raw.end());
}

TEST_CASE("Lexicon words become ranking tokens of the analyzer", "[lexicon]") {
  Lexicon lexicon;
  lexicon.Add("张子珂", Analyzer());
  auto tokens = Analyzer().Analyze("记者张子珂", 0, &lexicon);
  bool found = false;
  for (const auto& t : tokens) {
    if (t.kind == TokenKind::kHanWord && t.term == "张子珂") {
      found = true;
      CHECK(t.position == 2);
    }
  }
  CHECK(found);
}

TEST_CASE("LoadFile reads entries and reports bad ones by line", "[lexicon]") {
  testing::TempDir dir;
  testing::WriteFile(dir / "lexicon.txt",
                     "# comment\n住房和城乡建设局 住建局 市住建局\n\n"
                     "晉中市  # traditional\n一\n");
  Lexicon lexicon;
  auto problems = lexicon.LoadFile(dir / "lexicon.txt", Analyzer());
  CHECK(lexicon.size() == 4);
  CHECK(lexicon.Contains("住建局"));
  CHECK(lexicon.Contains("晋中市"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 5);
  CHECK_FALSE(Lexicon().LoadFile(dir / "missing.txt", Analyzer()).empty());
}

TEST_CASE("The project lexicon loads cleanly", "[lexicon]") {
  auto path = DefaultLexiconPath();
  REQUIRE_FALSE(path.empty());
  Lexicon lexicon;
  CHECK(lexicon.LoadFile(path, Analyzer()).empty());
  CHECK(lexicon.Contains("住建局"));
  CHECK(lexicon.Contains("桑干河新区"));
}

}  // namespace
}  // namespace baoku::corpus
