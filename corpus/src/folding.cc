#include "baoku/corpus/folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "baoku/corpus/utf8.h"
#include "normalizer.h"

namespace baoku::corpus {
namespace {

std::string Nfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString folded =
      nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                          text.data(), static_cast<int32_t>(text.size()))),
                      status);
  if (U_FAILURE(status)) return std::string(text);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string CaseFolded(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.foldCase();
  std::string out;
  s.toUTF8String(out);
  return out;
}

// What NFKC does to the code points of `text` that it changes: a width
// form (decomposition <wide> or <narrow>) or another compatibility form.
void NfkcKinds(std::string_view text, Foldings& f) {
  for (size_t pos = 0; pos < text.size();) {
    size_t before = pos;
    char32_t cp = utf8::Next(text, pos);
    std::string_view one = text.substr(before, pos - before);
    if (Nfkc(one) == one) continue;
    auto type = u_getIntPropertyValue(static_cast<UChar32>(cp),
                                      UCHAR_DECOMPOSITION_TYPE);
    if (type == U_DT_WIDE || type == U_DT_NARROW) {
      f.width = true;
    } else {
      f.compatibility = true;
    }
  }
}

// The stages, in the normalizer's order, at which `a` and `b` still differ
// and that change one of them.
Foldings WholeFoldings(std::string_view a, std::string_view b) {
  Foldings f;
  if (a == b) return f;
  std::string a1 = Nfkc(a), b1 = Nfkc(b);
  if (a1 != a || b1 != b) {
    NfkcKinds(a, f);
    NfkcKinds(b, f);
  }
  std::string a2 = CaseFolded(a1), b2 = CaseFolded(b1);
  if (a1 != b1 && (a2 != a1 || b2 != b1)) f.letter_case = true;
  std::string a3 = analysis::Normalize(a2), b3 = analysis::Normalize(b2);
  if (a2 != b2 && (a3 != a2 || b3 != b2)) f.variant = true;
  return f;
}

std::vector<std::string_view> CodePoints(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t pos = 0; pos < text.size();) {
    size_t before = pos;
    utf8::Next(text, pos);
    out.push_back(text.substr(before, pos - before));
  }
  return out;
}

}  // namespace

Foldings FoldingsBetween(std::string_view typed, std::string_view printed) {
  if (typed == printed) return {};
  std::vector<std::string_view> a = CodePoints(typed), b = CodePoints(printed);
  if (a.size() != b.size()) return WholeFoldings(typed, printed);
  Foldings f;
  for (size_t i = 0; i < a.size(); ++i) f |= WholeFoldings(a[i], b[i]);
  return f;
}

}  // namespace baoku::corpus
