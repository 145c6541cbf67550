#include "phrase_marks.h"

namespace baoku::corpus::analysis {
namespace {

// In normalized form. Vertical presentation forms (﹁﹃︽) and half-width
// forms (､･) normalize to these.
constexpr char16_t kInSentenceMarks[] =
    u"\"'‘’“”‚„‹›«»「」『』〝〞〟"  // Quotation marks.
    u"《》〈〉"                     // Book-title marks.
    u"、"                           // Enumeration comma.
    u"·・‧";                        // Middle dots (约翰·史密斯).

}  // namespace

bool IsInSentenceMark(UChar32 c) {
  for (char16_t mark : kInSentenceMarks) {
    if (mark != 0 && static_cast<UChar32>(mark) == c) return true;
  }
  return false;
}

bool OnlyInSentenceMarks(const icu::UnicodeString& text, int32_t begin,
                         int32_t end) {
  for (int32_t i = begin; i < end;) {
    UChar32 c = text.char32At(i);
    if (!IsInSentenceMark(c)) return false;
    i += U16_LENGTH(c);
  }
  return true;
}

icu::UnicodeString WithoutInSentenceMarks(const icu::UnicodeString& text,
                                          int32_t begin, int32_t end) {
  icu::UnicodeString out;
  for (int32_t i = begin; i < end;) {
    UChar32 c = text.char32At(i);
    if (!IsInSentenceMark(c)) out.append(c);
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace baoku::corpus::analysis
