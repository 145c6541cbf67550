#include "tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"
#include "phrase_marks.h"

namespace baoku::corpus::analysis {
namespace {

bool IsHanCodePoint(UChar32 c) { return utf8::IsHan(static_cast<char32_t>(c)); }

struct HanChar {
  int32_t start;  // UTF-16 index in the normalized text.
  int32_t limit;
  uint32_t position;
};

// Units and measure words that follow a number in news text.
constexpr char16_t kUnits[] =
    u"亿万千百元角年月日时分秒岁个家条件人次户名位项座所台辆套吨米里亩版期届倍"
    u"批场%℃";

}  // namespace

int32_t NumberUnitLimit(const icu::UnicodeString& text, int32_t start,
                        int32_t limit) {
  if (limit >= text.length() || !u_isdigit(text.char32At(start))) return limit;
  for (int32_t i = start; i < limit; ++i) {
    UChar c = text.charAt(i);
    if (!u_isdigit(c) && c != u'.') return limit;
  }
  char16_t next = text.charAt(limit);
  for (char16_t unit : kUnits) {
    if (unit != 0 && unit == next) return limit + 1;
  }
  return limit;
}

void Tokenize(const NormalizedText& norm,
              const std::vector<IcuSegment>& segments, uint32_t& position,
              std::vector<Token>& tokens) {
  auto add = [&](TokenKind kind, int32_t start, int32_t limit, uint32_t at,
                 bool positional) {
    std::string term;
    norm.text.tempSubStringBetween(start, limit).toUTF8String(term);
    if (term.size() > schema::kMaxTermBytes) return;
    tokens.push_back({std::move(term), kind, at, norm.orig_begin[start],
                      norm.orig_end[limit - 1], positional});
  };

  size_t first_token = tokens.size();
  std::vector<HanChar> han;
  for (const IcuSegment& seg : segments) {
    if (!seg.word) continue;
    // Split the segment into runs of Han and of everything else.
    size_t han_before = han.size();
    for (int32_t run_start = seg.start; run_start < seg.limit;) {
      bool is_han = IsHanCodePoint(norm.text.char32At(run_start));
      int32_t run_limit = run_start;
      while (run_limit < seg.limit) {
        UChar32 d = norm.text.char32At(run_limit);
        if (IsHanCodePoint(d) != is_han) break;
        run_limit += U16_LENGTH(d);
      }
      if (is_han) {
        for (int32_t i = run_start; i < run_limit;) {
          int32_t next = i + U16_LENGTH(norm.text.char32At(i));
          han.push_back({i, next, position++});
          i = next;
        }
      } else {
        add(TokenKind::kWord, run_start, run_limit, position, true);
        int32_t unit_limit = NumberUnitLimit(norm.text, run_start, run_limit);
        if (unit_limit > run_limit) {
          add(TokenKind::kNumberUnit, run_start, unit_limit, position, false);
        }
        ++position;
      }
      run_start = run_limit;
    }
    if (seg.han && han.size() - han_before >= 3) {
      add(TokenKind::kHanWord, seg.start, seg.limit, han[han_before].position,
          false);
    }
  }

  for (size_t k = 0; k < han.size(); ++k) {
    // Adjacent, or apart only by marks a phrase runs across (“智慧物业”系统:
    // 业系 is a bigram; phrase_marks.h). Marks take no position, so the
    // characters' positions run on as well.
    bool joined =
        k + 1 < han.size() &&
        OnlyInSentenceMarks(norm.text, han[k].limit, han[k + 1].start);
    // Phrases are checked on the characters' positions: an article holds
    // far fewer distinct characters than bigrams, so the positions go into
    // fewer, longer lists. A bigram (what a phrase is found and ranked by)
    // needs none: a phrase's bigrams narrow the candidates, its
    // characters' positions confirm them.
    add(TokenKind::kHanChar, han[k].start, han[k].limit, han[k].position, true);
    if (joined) {
      // The two characters, without the marks between them; the span
      // covers the marks.
      std::string term;
      norm.text.tempSubStringBetween(han[k].start, han[k].limit)
          .toUTF8String(term);
      norm.text.tempSubStringBetween(han[k + 1].start, han[k + 1].limit)
          .toUTF8String(term);
      tokens.push_back({std::move(term), TokenKind::kHanBigram, han[k].position,
                        norm.orig_begin[han[k].start],
                        norm.orig_end[han[k + 1].limit - 1], false});
    }
  }
  std::stable_sort(
      tokens.begin() + static_cast<std::ptrdiff_t>(first_token), tokens.end(),
      [](const Token& a, const Token& b) { return a.position < b.position; });
}

}  // namespace baoku::corpus::analysis
