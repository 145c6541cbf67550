// The analyzer is three stages, one file each: normalizer.cc (NFKC, case,
// traditional → simplified, the fold table), segmenter.cc (ICU words merged
// by the lexicon) and tokenizer.cc (Han characters, bigrams, words,
// number+unit). This file strings them together.
#include "baoku/corpus/text_analyzer.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"
#include "normalizer.h"
#include "phrase_marks.h"
#include "segmenter.h"
#include "tokenizer.h"

namespace baoku::corpus {
using analysis::NormalizedText;

namespace {

// Appends the tokens of norm.text[begin, end) to `tokens`, positions from
// `position` on. The range must end where ICU breaks words whatever the
// context: the text's ends or white space.
void AnalyzeRange(const NormalizedText& norm, int32_t begin, int32_t end,
                  uint32_t& position, const Lexicon* lexicon,
                  std::vector<Token>& tokens) {
  analysis::Tokenize(norm,
                     analysis::SegmentWords(norm.text, begin, end, lexicon),
                     position, tokens);
}

bool IsSpace(UChar c) {
  return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' ||
         c == u'\v';
}

}  // namespace

TextAnalyzer::TextAnalyzer() {
  analysis::CheckNormalizerData();
  analysis::CheckSegmenterData();
}

std::vector<Token> TextAnalyzer::Analyze(std::string_view text,
                                         uint32_t first_position,
                                         const Lexicon* lexicon) const {
  NormalizedText norm = analysis::NormalizeWithMap(text);
  std::vector<Token> tokens;
  if (norm.text.isEmpty()) return tokens;
  uint32_t position = first_position;
  AnalyzeRange(norm, 0, norm.text.length(), position, lexicon, tokens);
  return tokens;
}

std::vector<Token> TextAnalyzer::AnalyzeFor(
    std::string_view text, const std::vector<std::string>& terms) const {
  NormalizedText norm = analysis::NormalizeWithMap(text);
  std::vector<Token> tokens;
  std::vector<icu::UnicodeString> wanted;
  for (const auto& term : terms) {
    if (!term.empty()) wanted.push_back(icu::UnicodeString::fromUTF8(term));
  }
  const int32_t length = norm.text.length();
  uint32_t position = 0;
  int32_t range_begin = -1;  // Start of the pieces kept so far, if any.
  int32_t range_end = 0;
  auto flush = [&] {
    if (range_begin >= 0) {
      AnalyzeRange(norm, range_begin, range_end, position, nullptr, tokens);
    }
    range_begin = -1;
  };
  for (int32_t i = 0; i < length;) {
    if (IsSpace(norm.text.charAt(i))) {
      ++i;
      continue;
    }
    int32_t piece_end = i;
    bool takes_position = false;
    while (piece_end < length && !IsSpace(norm.text.charAt(piece_end))) {
      UChar32 c = norm.text.char32At(piece_end);
      takes_position = takes_position || u_isalnum(c) ||
                       utf8::IsHan(static_cast<char32_t>(c));
      piece_end += U16_LENGTH(c);
    }
    bool holds_term = !takes_position;  // Analyzed: it may take none.
    for (size_t k = 0; k < wanted.size() && !holds_term; ++k) {
      holds_term = norm.text.indexOf(wanted[k], i, piece_end - i) >= 0;
    }
    if (!holds_term && !wanted.empty()) {
      // A bigram across marks (业系 in “智慧物业”系统) is not in the text
      // as written.
      icu::UnicodeString joined =
          analysis::WithoutInSentenceMarks(norm.text, i, piece_end);
      if (joined.length() != piece_end - i) {
        for (size_t k = 0; k < wanted.size() && !holds_term; ++k) {
          holds_term = joined.indexOf(wanted[k]) >= 0;
        }
      }
    }
    if (holds_term) {
      if (range_begin < 0) range_begin = i;
      range_end = piece_end;
    } else {
      // It holds a letter, digit or Han character, so it takes at least one
      // position in Analyze(): no phrase runs across it.
      flush();
      ++position;
    }
    i = piece_end;
  }
  flush();
  return tokens;
}

std::vector<WordSpan> TextAnalyzer::Segment(std::string_view text,
                                            const Lexicon* lexicon) const {
  NormalizedText norm = analysis::NormalizeWithMap(text);
  std::vector<WordSpan> spans;
  if (norm.text.isEmpty()) return spans;
  std::vector<analysis::IcuSegment> segments =
      analysis::SegmentWords(norm.text, 0, norm.text.length(), lexicon);
  for (const auto& seg : segments) {
    uint32_t begin = norm.orig_begin[seg.start];
    uint32_t end = norm.orig_end[seg.limit - 1];
    std::string_view piece = text.substr(begin, end - begin);
    if (utf8::Trim(piece).empty()) continue;
    if (!spans.empty() && begin < spans.back().end) {
      // One original character that normalizes to several (… → ...) and
      // that ICU broke apart stays one segment of the original text.
      spans.back().end = std::max(spans.back().end, end);
      spans.back().word = spans.back().word || seg.word;
      continue;
    }
    spans.push_back({begin, end, seg.word});
  }
  return spans;
}

uint32_t TextAnalyzer::NextPosition(const std::vector<Token>& tokens,
                                    uint32_t first_position) {
  uint32_t next = first_position;
  for (const Token& t : tokens) next = std::max(next, t.position + 1);
  return next;
}

std::string TextAnalyzer::Normalize(std::string_view text) const {
  return analysis::Normalize(text);
}

bool TextAnalyzer::BreaksBetween(std::string_view before,
                                 std::string_view after) const {
  return analysis::BreaksBetween(before, after);
}

std::string TextAnalyzer::NormalizeKey(std::string_view text) const {
  return analysis::NormalizeKey(text, schema::kMaxTermBytes);
}

}  // namespace baoku::corpus
