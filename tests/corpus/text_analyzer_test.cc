#include "baoku/corpus/text_analyzer.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"

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

TEST_CASE("NormalizeKey cuts at its byte limit between characters",
          "[analyzer]") {
  // One ASCII byte, then three-byte characters: the limit falls inside one.
  std::string name = "a";
  for (int i = 0; i < 60; ++i) name += "张";
  std::string key = Analyzer().NormalizeKey(name);
  CHECK(utf8::IsValid(key));
  CHECK(key.size() <= schema::kMaxTermBytes);
  CHECK(key.size() > schema::kMaxTermBytes - 3);
  CHECK(name.compare(0, key.size(), key) == 0);
}

TEST_CASE("Only tokens a phrase needs keep their positions", "[analyzer]") {
  auto positional = [](const std::vector<Token>& tokens, TokenKind kind) {
    std::vector<std::string> out;
    for (const auto& t : tokens) {
      if (t.kind == kind && t.positional) out.push_back(t.term);
    }
    return out;
  };
  // Phrases are checked on the characters and words; bigrams find them.
  auto tokens = Analyzer().Analyze("维修资金5g手机，好");
  CHECK(positional(tokens, TokenKind::kHanBigram).empty());
  CHECK(positional(tokens, TokenKind::kHanChar) ==
        std::vector<std::string>{"维", "修", "资", "金", "手", "机", "好"});
  CHECK(positional(tokens, TokenKind::kWord) == std::vector<std::string>{"5g"});
  for (const auto& t : tokens) {
    if (t.kind == TokenKind::kHanWord || t.kind == TokenKind::kNumberUnit) {
      CHECK_FALSE(t.positional);
    }
  }
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
  for (const char* text :
       {"排查。整改", "排查！整改", "排查，整改", "排查；整改", "排查（整改",
        "排查 整改", "排查——整改"}) {
    INFO(text);
    auto tokens = Analyzer().Analyze(text);
    auto bigrams = TermsOfKind(tokens, TokenKind::kHanBigram);
    CHECK(bigrams == std::vector<std::string>{"排查", "整改"});
    std::set<uint32_t> positions;
    for (const auto& t : tokens) positions.insert(t.position);
    CHECK(positions == std::set<uint32_t>{0, 1, 2, 3});
  }
}

TEST_CASE("Bigrams run across the marks a reader skips", "[analyzer]") {
  // Quotation marks, book-title marks, 、 and middle dots, also in their
  // full-width and vertical forms (term layout 4).
  for (const char* text :
       {"排查、整改", "排查”整改", "“排查”“整改”", "排查》《整改", "排查·整改",
        "排查＂整改", "排查､整改", "排查﹂整改"}) {
    INFO(text);
    auto tokens = Analyzer().Analyze(text);
    CHECK(TermsOfKind(tokens, TokenKind::kHanBigram) ==
          std::vector<std::string>{"排查", "查整", "整改"});
    for (const auto& t : tokens) {
      // The bigram's span covers the marks between its characters.
      if (t.term == "查整") {
        CHECK(t.position == 1);
        CHECK(std::string(text).substr(t.begin, t.end - t.begin).find("查") ==
              0);
      }
    }
  }
  // Only between two Han characters: a word in between still breaks it.
  CHECK(
      TermsOfKind(Analyzer().Analyze("排查“5G”整改"), TokenKind::kHanBigram) ==
      std::vector<std::string>{"排查", "整改"});
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

// Byte spans of the occurrences of `phrase` (terms at consecutive positions)
// among `tokens`.
std::set<std::pair<uint32_t, uint32_t>> Occurrences(
    const std::vector<Token>& tokens, const std::vector<std::string>& phrase) {
  std::map<std::pair<uint32_t, std::string>, const Token*> at;
  for (const auto& t : tokens)
    at.emplace(std::make_pair(t.position, t.term), &t);
  std::set<std::pair<uint32_t, uint32_t>> out;
  for (const auto& t : tokens) {
    if (t.term != phrase.front()) continue;
    uint32_t end = t.end;
    bool whole = true;
    for (size_t k = 1; k < phrase.size() && whole; ++k) {
      auto it = at.find({t.position + static_cast<uint32_t>(k), phrase[k]});
      whole = it != at.end();
      if (whole) end = std::max(end, it->second->end);
    }
    if (whole) out.insert({t.begin, end});
  }
  return out;
}

TEST_CASE("AnalyzeFor finds the same phrases as Analyze", "[analyzer]") {
  // Pieces of news text: Han (simplified and traditional), Latin, numbers
  // with units, full-width forms, punctuation alone, and the white space
  // that separates pieces (ASCII, ideographic, no-break, newline).
  const std::vector<std::string> parts = {
      "维修资金",   "維修資金", "住建局",       "张子珂",   "排查、整改",
      "“养老金”",   "GoHome",   "ＧＯＨＯＭＥ", "5G",       "3.47亿",
      "２０２６年", "99.53%",   "Q&A",          "——",       "…",
      ",",          "。",       "(孙娜娜)",     "资金",     "维修",
      "alpha",      "gamma",    "beta",         "COVID-19", "《条例》草案",
      "约翰·史密斯"};
  const std::vector<std::string> spaces = {" ",      "  ", "\u3000",
                                           "\u00a0", "\n", ""};
  std::mt19937 random(20261130);
  auto pick = [&](size_t n) {
    return std::uniform_int_distribution<size_t>(0, n - 1)(random);
  };
  int phrases_checked = 0, phrases_found = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    size_t count = 2 + pick(12);
    for (size_t k = 0; k < count; ++k) {
      text += parts[pick(parts.size())];
      text += spaces[pick(spaces.size())];
    }
    auto all = Analyzer().Analyze(text);
    if (all.empty()) continue;
    for (int n = 0; n < 12; ++n) {
      // Half the phrases are runs of the text's own tokens, half are tokens
      // from anywhere in it (which must not match across a piece left out).
      std::vector<std::string> phrase;
      size_t length = 1 + pick(4);
      if (n % 2 == 0) {
        uint32_t first = all[pick(all.size())].position;
        for (uint32_t p = first; p < first + length; ++p) {
          std::vector<const Token*> here;
          for (const auto& t : all) {
            if (t.position == p) here.push_back(&t);
          }
          if (here.empty()) break;
          phrase.push_back(here[pick(here.size())]->term);
        }
      } else {
        for (size_t k = 0; k < length; ++k) {
          phrase.push_back(all[pick(all.size())].term);
        }
      }
      INFO("text: " << text << " / phrase starts " << phrase.front());
      auto expected = Occurrences(all, phrase);
      CHECK(Occurrences(Analyzer().AnalyzeFor(text, phrase), phrase) ==
            expected);
      ++phrases_checked;
      if (!expected.empty()) ++phrases_found;
    }
  }
  CHECK(phrases_checked > 4000);
  CHECK(phrases_found > 2000);  // The comparison is not of empty sets.
}

TEST_CASE("AnalyzeFor leaves out the pieces without a term", "[analyzer]") {
  auto tokens = Analyzer().AnalyzeFor("alpha beta gamma", {"alpha", "gamma"});
  std::vector<std::string> terms;
  for (const auto& t : tokens) terms.push_back(t.term);
  CHECK(terms == std::vector<std::string>{"alpha", "gamma"});
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].position > tokens[0].position + 1);
  CHECK(tokens[1].begin == 11);
  // Punctuation alone between two pieces takes no position: kept.
  tokens = Analyzer().AnalyzeFor("alpha — gamma", {"alpha", "gamma"});
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[1].position == tokens[0].position + 1);
}

TEST_CASE("AnalyzeFor keeps a piece whose term runs across marks",
          "[analyzer]") {
  // 业系 is in “智慧物业”系统 only with the quotation marks left out.
  auto tokens = Analyzer().AnalyzeFor("推广 “智慧物业”系统 试点", {"业系"});
  bool found = false;
  for (const auto& t : tokens) found = found || t.term == "业系";
  CHECK(found);
  tokens = Analyzer().AnalyzeFor("推广 “智慧物业”。系统 试点", {"业系"});
  for (const auto& t : tokens) CHECK(t.term != "业系");
}

}  // namespace
}  // namespace baoku::corpus
