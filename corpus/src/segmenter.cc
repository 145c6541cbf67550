#include "segmenter.h"

#include <unicode/brkiter.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/utf8.h"

namespace baoku::corpus::analysis {
namespace {

// ICU break iterators are not safe to share between threads.
icu::BreakIterator& ThreadWords() {
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU word break iterator: ") +
                               u_errorName(status));
    }
    return it;
  }();
  return *words;
}

bool AllHan(const icu::UnicodeString& text, int32_t start, int32_t limit) {
  for (int32_t i = start; i < limit;) {
    UChar32 c = text.char32At(i);
    if (!utf8::IsHan(static_cast<char32_t>(c))) return false;
    i += U16_LENGTH(c);
  }
  return start < limit;
}

std::string ToUtf8(const icu::UnicodeString& s, int32_t start, int32_t limit) {
  std::string out;
  s.tempSubStringBetween(start, limit).toUTF8String(out);
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

void CheckSegmenterData() { ThreadWords(); }

std::vector<IcuSegment> SegmentWords(const icu::UnicodeString& full_text,
                                     int32_t begin, int32_t end,
                                     const Lexicon* lexicon) {
  icu::UnicodeString text = full_text.tempSubStringBetween(begin, end);
  icu::BreakIterator& words = ThreadWords();
  std::vector<IcuSegment> out;
  words.setText(text);
  int32_t start = words.first();
  for (int32_t limit = words.next(); limit != icu::BreakIterator::DONE;
       start = limit, limit = words.next()) {
    int32_t status = words.getRuleStatus();
    bool word = !(status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT);
    out.push_back({start + begin, limit + begin, word,
                   word && AllHan(text, start, limit)});
  }
  if (lexicon && !lexicon->empty()) {
    out = MergeLexiconWords(full_text, out, *lexicon);
  }
  return out;
}

bool BreaksBetween(std::string_view before, std::string_view after) {
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
  icu::BreakIterator& words = ThreadWords();
  words.setText(text);
  return words.isBoundary(join);
}

}  // namespace baoku::corpus::analysis
