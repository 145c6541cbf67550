#include "baoku/corpus/text_analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"

namespace baoku::corpus {
namespace {

// Characters ICU's Traditional-Simplified leaves apart from the form
// simplified text uses, where OpenCC agrees (docs/QUALITY.md measured them on
// the AS and CityU test sets). Folding both sides the same way cannot cost a
// match.
const std::unordered_map<std::string, std::string> kExtraFolds = {
    {"諮", "咨"}, {"谘", "咨"}, {"鉅", "巨"}, {"钜", "巨"}, {"甦", "苏"},
    {"噁", "恶"}, {"彿", "佛"}, {"彷", "仿"}, {"覆", "复"}, {"「", "“"},
    {"」", "”"},  {"『", "‘"},  {"』", "’"}};

// ICU objects are not safe to share between threads; each thread makes its
// own on first use.
struct IcuThreadState {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::Transliterator> to_simplified;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  std::unordered_map<char32_t, std::string> normalized;  // Cache.

  IcuThreadState() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(
        icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU word break iterator: ") +
                               u_errorName(status));
    }
    status = U_ZERO_ERROR;
    to_simplified.reset(icu::Transliterator::createInstance(
        "Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU Traditional-Simplified: ") +
                               u_errorName(status));
    }
    status = U_ZERO_ERROR;
    nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU NFKC_Casefold: ") +
                               u_errorName(status));
    }
  }

  // The normalized form of one code point, as UTF-8 (may be empty or longer).
  const std::string& NormalizeCodePoint(char32_t cp) {
    auto it = normalized.find(cp);
    if (it != normalized.end()) return it->second;
    std::string out;
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString s = nfkc_casefold->normalize(
          icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_FAILURE(status)) s = icu::UnicodeString(static_cast<UChar32>(cp));
      to_simplified->transliterate(s);
      s.toUTF8String(out);
      if (auto fold = kExtraFolds.find(out); fold != kExtraFolds.end()) {
        out = fold->second;
      }
    }
    if (normalized.size() > 200000) normalized.clear();
    return normalized.emplace(cp, std::move(out)).first->second;
  }
};

IcuThreadState& ThreadState() {
  thread_local IcuThreadState state;
  return state;
}

// Normalized text in UTF-16 for ICU, and for each UTF-16 unit the byte span
// of the original code point it came from.
struct NormalizedText {
  icu::UnicodeString text;
  std::vector<uint32_t> orig_begin;
  std::vector<uint32_t> orig_end;
};

NormalizedText NormalizeWithMap(std::string_view text, IcuThreadState& icu) {
  NormalizedText out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    char32_t cp = utf8::Next(text, pos);
    const std::string& norm = icu.NormalizeCodePoint(cp);
    icu::UnicodeString piece = icu::UnicodeString::fromUTF8(norm);
    for (int32_t i = 0; i < piece.length(); ++i) {
      out.text.append(piece.charAt(i));
      out.orig_begin.push_back(static_cast<uint32_t>(before));
      out.orig_end.push_back(static_cast<uint32_t>(pos));
    }
  }
  return out;
}

std::string ToUtf8(const icu::UnicodeString& s, int32_t start, int32_t limit) {
  std::string out;
  s.tempSubStringBetween(start, limit).toUTF8String(out);
  return out;
}

bool IsHanCodePoint(UChar32 c) { return utf8::IsHan(static_cast<char32_t>(c)); }

struct HanChar {
  int32_t start;  // UTF-16 index in the normalized text.
  int32_t limit;
  uint32_t position;
};

// An ICU word segment of the normalized text, [start, limit) in UTF-16.
struct IcuSegment {
  int32_t start;
  int32_t limit;
  bool word;  // False for spaces and punctuation.
  bool han;   // Every character is Han.
};

bool AllHan(const icu::UnicodeString& text, int32_t start, int32_t limit) {
  for (int32_t i = start; i < limit;) {
    UChar32 c = text.char32At(i);
    if (!IsHanCodePoint(c)) return false;
    i += U16_LENGTH(c);
  }
  return start < limit;
}

// Units and measure words that follow a number in news text.
constexpr char16_t kUnits[] =
    u"亿万千百元角年月日时分秒岁个家条件人次户名位项座所台辆套吨米里亩版期届倍"
    u"批场%℃";

// If the number [start, limit) is directly followed by a unit (3.47亿,
// 2026年, 99.53%), returns the limit past the unit, else `limit`.
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

// The segments of `text`, which starts at `offset` of the text the
// segments index.
std::vector<IcuSegment> IcuSegments(const icu::UnicodeString& text,
                                    icu::BreakIterator& words, int32_t offset) {
  std::vector<IcuSegment> out;
  words.setText(text);
  int32_t start = words.first();
  for (int32_t limit = words.next(); limit != icu::BreakIterator::DONE;
       start = limit, limit = words.next()) {
    int32_t status = words.getRuleStatus();
    bool word = !(status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT);
    out.push_back({start + offset, limit + offset, word,
                   word && AllHan(text, start, limit)});
  }
  return out;
}

// Merges runs of adjacent Han segments that spell a lexicon word, longest
// first: 张|子|珂 → 张子珂, 住|建|局 → 住建局.
std::vector<IcuSegment> MergeLexiconWords(const icu::UnicodeString& text,
                                          const std::vector<IcuSegment>& in,
                                          const Lexicon& lexicon) {
  std::vector<IcuSegment> out;
  for (size_t k = 0; k < in.size();) {
    size_t best_end = k + 1;
    if (in[k].han && lexicon.MayStartWith(text.char32At(in[k].start))) {
      int32_t chars = 0;
      std::string candidate;
      for (size_t m = k; m < in.size() && in[m].han; ++m) {
        if (m > k && in[m].start != in[m - 1].limit) break;
        chars += text.countChar32(in[m].start, in[m].limit - in[m].start);
        if (chars > static_cast<int32_t>(Lexicon::kMaxWordChars)) break;
        candidate += ToUtf8(text, in[m].start, in[m].limit);
        if (m > k && lexicon.Contains(candidate)) best_end = m + 1;
      }
    }
    out.push_back({in[k].start, in[best_end - 1].limit, in[k].word, in[k].han});
    k = best_end;
  }
  return out;
}

}  // namespace

TextAnalyzer::TextAnalyzer() { ThreadState(); }

namespace {

// Appends the tokens of norm.text[begin, end) to `tokens`, positions from
// `position` on (advanced past the last one used). The range must end where
// ICU breaks words whatever the context: the text's ends or white space.
void AnalyzeRange(const NormalizedText& norm, int32_t begin, int32_t end,
                  uint32_t& position, const Lexicon* lexicon,
                  IcuThreadState& icu, std::vector<Token>& tokens) {
  auto add = [&](TokenKind kind, int32_t start, int32_t limit, uint32_t at) {
    std::string term = ToUtf8(norm.text, start, limit);
    if (term.size() > schema::kMaxTermBytes) return;
    tokens.push_back({std::move(term), kind, at, norm.orig_begin[start],
                      norm.orig_end[limit - 1]});
  };

  std::vector<IcuSegment> segments = IcuSegments(
      norm.text.tempSubStringBetween(begin, end), *icu.words, begin);
  if (lexicon && !lexicon->empty()) {
    segments = MergeLexiconWords(norm.text, segments, *lexicon);
  }
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
        add(TokenKind::kWord, run_start, run_limit, position);
        int32_t unit_limit = NumberUnitLimit(norm.text, run_start, run_limit);
        if (unit_limit > run_limit) {
          add(TokenKind::kNumberUnit, run_start, unit_limit, position);
        }
        ++position;
      }
      run_start = run_limit;
    }
    if (seg.han && han.size() - han_before >= 3) {
      add(TokenKind::kHanWord, seg.start, seg.limit, han[han_before].position);
    }
  }

  for (size_t k = 0; k < han.size(); ++k) {
    add(TokenKind::kHanChar, han[k].start, han[k].limit, han[k].position);
    bool joined = k + 1 < han.size() && han[k + 1].start == han[k].limit;
    if (joined) {
      add(TokenKind::kHanBigram, han[k].start, han[k + 1].limit,
          han[k].position);
    }
  }
  std::stable_sort(
      tokens.begin() + static_cast<std::ptrdiff_t>(first_token), tokens.end(),
      [](const Token& a, const Token& b) { return a.position < b.position; });
}

bool IsSpace(UChar c) {
  return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f' ||
         c == u'\v';
}

}  // namespace

std::vector<Token> TextAnalyzer::Analyze(std::string_view text,
                                         uint32_t first_position,
                                         const Lexicon* lexicon) const {
  IcuThreadState& icu = ThreadState();
  NormalizedText norm = NormalizeWithMap(text, icu);
  std::vector<Token> tokens;
  if (norm.text.isEmpty()) return tokens;
  uint32_t position = first_position;
  AnalyzeRange(norm, 0, norm.text.length(), position, lexicon, icu, tokens);
  return tokens;
}

std::vector<Token> TextAnalyzer::AnalyzeFor(
    std::string_view text, const std::vector<std::string>& terms) const {
  IcuThreadState& icu = ThreadState();
  NormalizedText norm = NormalizeWithMap(text, icu);
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
      AnalyzeRange(norm, range_begin, range_end, position, nullptr, icu,
                   tokens);
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
      takes_position = takes_position || u_isalnum(c) || IsHanCodePoint(c);
      piece_end += U16_LENGTH(c);
    }
    bool holds_term = !takes_position;  // Analyzed: it may take none.
    for (size_t k = 0; k < wanted.size() && !holds_term; ++k) {
      holds_term = norm.text.indexOf(wanted[k], i, piece_end - i) >= 0;
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
  IcuThreadState& icu = ThreadState();
  NormalizedText norm = NormalizeWithMap(text, icu);
  std::vector<WordSpan> spans;
  if (norm.text.isEmpty()) return spans;
  std::vector<IcuSegment> segments = IcuSegments(norm.text, *icu.words, 0);
  if (lexicon && !lexicon->empty()) {
    segments = MergeLexiconWords(norm.text, segments, *lexicon);
  }
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
  IcuThreadState& icu = ThreadState();
  std::string out;
  size_t pos = 0;
  while (pos < text.size())
    out += icu.NormalizeCodePoint(utf8::Next(text, pos));
  return out;
}

bool TextAnalyzer::BreaksBetween(std::string_view before,
                                 std::string_view after) const {
  constexpr size_t kContext = 4;  // Code points each side.
  size_t cut = before.size();
  for (size_t n = 0; n < kContext && cut > 0; ++n) {
    do {
      --cut;
    } while (cut > 0 &&
             (static_cast<unsigned char>(before[cut]) & 0xC0) == 0x80);
  }
  std::string left(before.substr(cut));
  std::string right(after.substr(0, utf8::OffsetOfCodePoint(after, kContext)));
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(left + right);
  int32_t join = icu::UnicodeString::fromUTF8(left).length();
  icu::BreakIterator& words = *ThreadState().words;
  words.setText(text);
  return words.isBoundary(join);
}

std::string TextAnalyzer::NormalizeKey(std::string_view text) const {
  std::string norm = Normalize(text);
  std::string out;
  size_t pos = 0;
  while (pos < norm.size()) {
    char32_t cp = utf8::Next(norm, pos);
    if (!utf8::IsSpace(cp)) utf8::Append(out, cp);
  }
  if (out.size() > schema::kMaxTermBytes) out.resize(schema::kMaxTermBytes);
  return out;
}

}  // namespace baoku::corpus
