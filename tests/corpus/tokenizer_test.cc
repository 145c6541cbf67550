#include "tokenizer.h"

#include <catch2/catch.hpp>
#include <string>

namespace baoku::corpus::analysis {
namespace {

std::vector<Token> TokensOf(const std::string& utf8, uint32_t& position) {
  NormalizedText norm = NormalizeWithMap(utf8);
  std::vector<Token> tokens;
  Tokenize(norm, SegmentWords(norm.text, 0, norm.text.length(), nullptr),
           position, tokens);
  return tokens;
}

TEST_CASE("The tokenizer gives characters, bigrams, words and units",
          "[tokenizer]") {
  uint32_t position = 10;
  auto tokens = TokensOf("增长3.47亿", position);
  CHECK(position == 14);  // 增, 长, 3.47, 亿.
  std::vector<std::pair<std::string, TokenKind>> got;
  for (const auto& t : tokens) got.emplace_back(t.term, t.kind);
  CHECK(got == std::vector<std::pair<std::string, TokenKind>>{
                   {"增", TokenKind::kHanChar},
                   {"增长", TokenKind::kHanBigram},
                   {"长", TokenKind::kHanChar},
                   {"3.47", TokenKind::kWord},
                   {"3.47亿", TokenKind::kNumberUnit},
                   {"亿", TokenKind::kHanChar}});
  for (size_t k = 1; k < tokens.size(); ++k) {
    CHECK(tokens[k - 1].position <= tokens[k].position);
  }
}

TEST_CASE("The tokenizer keeps positions only where a phrase needs them",
          "[tokenizer]") {
  uint32_t position = 0;
  for (const auto& t : TokensOf("住房维修资金", position)) {
    INFO(t.term);
    if (t.kind == TokenKind::kHanChar) CHECK(t.positional);
    if (t.kind == TokenKind::kHanBigram) CHECK_FALSE(t.positional);
    if (t.kind == TokenKind::kHanWord) CHECK_FALSE(t.positional);
  }
}

TEST_CASE("A bigram spans the in-sentence marks between two characters",
          "[tokenizer]") {
  uint32_t position = 0;
  std::vector<std::string> bigrams;
  for (const auto& t : TokensOf("《条例》、“物业”。系统", position)) {
    if (t.kind == TokenKind::kHanBigram) bigrams.push_back(t.term);
  }
  CHECK(position == 6);  // Marks take no position.
  // 。 ends a sentence: no 业系.
  CHECK(bigrams == std::vector<std::string>{"条例", "例物", "物业", "系统"});
}

TEST_CASE("NumberUnitLimit takes one unit after a plain number",
          "[tokenizer]") {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8("2026年5g年");
  CHECK(NumberUnitLimit(text, 0, 4) == 5);
  CHECK(NumberUnitLimit(text, 5, 7) == 7);  // 5g is not a number.
}

}  // namespace
}  // namespace baoku::corpus::analysis
