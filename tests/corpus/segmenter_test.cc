#include "segmenter.h"

#include <catch2/catch.hpp>
#include <string>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::corpus::analysis {
namespace {

std::vector<std::string> Words(const std::string& utf8,
                               const Lexicon* lexicon) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::vector<std::string> out;
  for (const auto& seg : SegmentWords(text, 0, text.length(), lexicon)) {
    if (!seg.word) continue;
    std::string word;
    text.tempSubStringBetween(seg.start, seg.limit).toUTF8String(word);
    out.push_back(word);
  }
  return out;
}

TEST_CASE("The segmenter merges ICU segments that spell a lexicon word",
          "[segmenter]") {
  TextAnalyzer analyzer;
  Lexicon lexicon;
  lexicon.Add("张子珂", analyzer);
  auto plain = Words("记者张子珂报道", nullptr);
  auto merged = Words("记者张子珂报道", &lexicon);
  CHECK(std::find(plain.begin(), plain.end(), "张子珂") == plain.end());
  CHECK(std::find(merged.begin(), merged.end(), "张子珂") != merged.end());
}

TEST_CASE("The segmenter marks punctuation and Han segments", "[segmenter]") {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8("中国，5G");
  auto segments = SegmentWords(text, 0, text.length(), nullptr);
  REQUIRE(segments.size() >= 3);
  CHECK(segments.front().han);
  bool punctuation = false;
  for (const auto& seg : segments) {
    punctuation = punctuation || (!seg.word && !seg.han);
  }
  CHECK(punctuation);
  CHECK_FALSE(segments.back().han);
  // A range keeps the indices of the whole text.
  auto tail = SegmentWords(text, 3, text.length(), nullptr);
  REQUIRE_FALSE(tail.empty());
  CHECK(tail.front().start == 3);
}

TEST_CASE("BreaksBetween sees a word across the join", "[segmenter]") {
  CHECK_FALSE(BreaksBetween("中华人", "民共和国"));
  CHECK(BreaksBetween("今天。", "明天"));
}

}  // namespace
}  // namespace baoku::corpus::analysis
