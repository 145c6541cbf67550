#include "baoku/corpus/text_analyzer.h"

#include <catch2/catch.hpp>
#include <set>

namespace baoku::corpus {
namespace {

const TextAnalyzer& Analyzer() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

std::vector<std::string> TermsOfKind(const std::vector<Token>& tokens,
                                     TokenKind kind) {
  std::vector<std::string> out;
  for (const auto& t : tokens) {
    if (t.kind == kind) out.push_back(t.term);
  }
  return out;
}

TEST_CASE("Normalize folds width, case and traditional characters",
          "[analyzer]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"維修資金", "维修资金"},
      {"ＧＯＨＯＭＥ", "gohome"},
      {"GoHome", "gohome"},
      {"１９５２个小区", "1952个小区"},
      {"張子珂", "张子珂"},
      {"臺灣", "台湾"},
      {"３．４７億元", "3.47亿元"},
      {"住建局", "住建局"},
      // Folds beyond ICU's transliterator (docs/QUALITY.md).
      {"諮詢", "咨询"},
      {"反覆", "反复"},
      {"彷彿", "仿佛"},
      {"「養老金」", "“养老金”"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(Analyzer().Normalize(c.in) == c.out);
  }
  CHECK(Analyzer().NormalizeKey(" 张 子珂 ") == "张子珂");
}

TEST_CASE("Every Han character and adjacent pair is a token", "[analyzer]") {
  auto tokens = Analyzer().Analyze("维修资金");
  CHECK(TermsOfKind(tokens, TokenKind::kHanChar) ==
        std::vector<std::string>{"维", "修", "资", "金"});
  CHECK(TermsOfKind(tokens, TokenKind::kHanBigram) ==
        std::vector<std::string>{"维修", "修资", "资金"});
  for (const auto& t : tokens) {
    if (t.kind == TokenKind::kHanBigram && t.term == "修资") {
      CHECK(t.position == 1);
    }
  }
}

TEST_CASE("Punctuation breaks bigrams but takes no position", "[analyzer]") {
  auto tokens = Analyzer().Analyze("排查、整改");
  auto bigrams = TermsOfKind(tokens, TokenKind::kHanBigram);
  CHECK(bigrams == std::vector<std::string>{"排查", "整改"});
  std::set<uint32_t> positions;
  for (const auto& t : tokens) positions.insert(t.position);
  CHECK(positions == std::set<uint32_t>{0, 1, 2, 3});
}

TEST_CASE("Numbers, Latin and mixed tokens are words of their own",
          "[analyzer]") {
  struct Case {
    const char* text;
    std::vector<std::string> words;
  };
  const Case cases[] = {
      {"涉及3.47亿元", {"3.47"}}, {"整改率达99.53%", {"99.53"}},
      {"2026年", {"2026"}},       {"经纬厂GOHOME艺术中心", {"gohome"}},
      {"5G网络", {"5g"}},         {"ＡＰＰ下载量", {"app"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(TermsOfKind(Analyzer().Analyze(c.text), TokenKind::kWord) == c.words);
  }
}

TEST_CASE("Numbers with their unit are ranking tokens too", "[analyzer]") {
  struct Case {
    const char* text;
    std::vector<std::string> number_units;
  };
  const Case cases[] = {
      {"涉及3.47亿元", {"3.47亿"}},
      {"整改率达99.53%。", {"99.53%"}},
      {"2026年6月11日", {"2026年", "6月", "11日"}},
      {"３．４７億", {"3.47亿"}},
      {"5G网络", {}},
      {"第3版", {"3版"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto tokens = Analyzer().Analyze(c.text);
    CHECK(TermsOfKind(tokens, TokenKind::kNumberUnit) == c.number_units);
    for (const auto& t : tokens) {
      if (t.kind != TokenKind::kNumberUnit) continue;
      // At the number's position, so phrases are unaffected.
      bool shares_position = false;
      for (const auto& u : tokens) {
        shares_position = shares_position || (u.kind == TokenKind::kWord &&
                                              u.position == t.position);
      }
      CHECK(shares_position);
    }
  }
}

TEST_CASE("Token spans point into the original text", "[analyzer]") {
  const std::string text = "本报記者ＧＯＨＯＭＥ";
  for (const auto& t : Analyzer().Analyze(text)) {
    if (t.term == "记者")
      CHECK(text.substr(t.begin, t.end - t.begin) == "記者");
    if (t.term == "gohome") {
      CHECK(text.substr(t.begin, t.end - t.begin) == "ＧＯＨＯＭＥ");
    }
  }
}

// Found by tests/fuzz/analyzer_fuzz: "…" normalizes to "...", which ICU
// split into three segments over the same original character.
TEST_CASE("Segments cover the original text in order, each once",
          "[analyzer]") {
  struct Case {
    const char* text;
    std::vector<std::string> pieces;  // The segments' original text.
  };
  const Case cases[] = {
      {"等等…好的", {"等等", "…", "好的"}},
      {"。，…—·", {"。", "，", "…", "—", "·"}},
      {"①号楼", {"①", "号", "楼"}},
      {"㎡单价", {"㎡", "单价"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const std::string text = c.text;
    std::vector<std::string> pieces;
    uint32_t last_end = 0;
    for (const auto& span : Analyzer().Segment(text)) {
      CHECK(span.begin >= last_end);
      CHECK(span.begin < span.end);
      last_end = span.end;
      pieces.push_back(text.substr(span.begin, span.end - span.begin));
    }
    CHECK(pieces == c.pieces);
  }
}

TEST_CASE("Positions continue from first_position", "[analyzer]") {
  auto tokens = Analyzer().Analyze("资金", 100);
  REQUIRE_FALSE(tokens.empty());
  CHECK(tokens.front().position == 100);
  CHECK(TextAnalyzer::NextPosition(tokens, 100) == 102);
  CHECK(Analyzer().Analyze("").empty());
  CHECK(Analyzer().Analyze(",。!?").empty());
}

TEST_CASE("Long ICU words are extra ranking tokens", "[analyzer]") {
  auto words =
      TermsOfKind(Analyzer().Analyze("中华人民共和国"), TokenKind::kHanWord);
  CHECK_FALSE(words.empty());
  for (const auto& w : words) CHECK(w.size() >= 9);  // 3+ Han characters.
}

}  // namespace
}  // namespace baoku::corpus
