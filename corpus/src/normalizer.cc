#include "normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>

#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus::analysis {
namespace {

// Characters ICU's Traditional-Simplified leaves apart from the form
// simplified text uses, where OpenCC agrees (docs/QUALITY.md measured them on
// the AS and CityU test sets). Folding both sides the same way cannot cost a
// match.
const std::unordered_map<std::string, std::string> kExtraFolds = {
    {"諮", "咨"}, {"谘", "咨"}, {"鉅", "巨"}, {"钜", "巨"}, {"甦", "苏"},
    {"噁", "恶"}, {"彿", "佛"}, {"彷", "仿"}, {"覆", "复"}, {"譭", "毁"},
    {"「", "“"},  {"」", "”"},  {"『", "‘"},  {"』", "’"}};

// ICU objects are not safe to share between threads; each thread makes its
// own on first use.
class CodePointNormalizer {
 public:
  CodePointNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    to_simplified_.reset(icu::Transliterator::createInstance(
        "Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU Traditional-Simplified: ") +
                               u_errorName(status));
    }
    status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU NFKC_Casefold: ") +
                               u_errorName(status));
    }
  }

  const std::string& Normalize(char32_t cp) {
    if (cp < 0x80) return Ascii(cp);
    auto it = cache_.find(cp);
    if (it != cache_.end()) return it->second;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString s = nfkc_casefold_->normalize(
        icu::UnicodeString(static_cast<UChar32>(cp)), status);
    if (U_FAILURE(status)) s = icu::UnicodeString(static_cast<UChar32>(cp));
    to_simplified_->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    if (auto fold = kExtraFolds.find(out); fold != kExtraFolds.end()) {
      out = fold->second;
    }
    // Bounded: text of every script would otherwise grow it without end.
    if (cache_.size() > 200000) cache_.clear();
    return cache_.emplace(cp, std::move(out)).first->second;
  }

 private:
  // ASCII folds without ICU or a hash look-up: most bytes of news text
  // that are not Han are ASCII.
  const std::string& Ascii(char32_t cp) {
    if (ascii_[0].empty()) {
      for (char32_t c = 0; c < 0x80; ++c) {
        ascii_[c] = std::string(
            1, static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      }
    }
    return ascii_[cp];
  }

  std::unique_ptr<icu::Transliterator> to_simplified_;
  const icu::Normalizer2* nfkc_casefold_ = nullptr;
  std::unordered_map<char32_t, std::string> cache_;
  std::string ascii_[0x80];
};

CodePointNormalizer& ThreadNormalizer() {
  thread_local CodePointNormalizer normalizer;
  return normalizer;
}

}  // namespace

const std::string& NormalizeCodePoint(char32_t cp) {
  return ThreadNormalizer().Normalize(cp);
}

void CheckNormalizerData() { ThreadNormalizer(); }

NormalizedText NormalizeWithMap(std::string_view text) {
  CodePointNormalizer& normalizer = ThreadNormalizer();
  NormalizedText out;
  out.orig_begin.reserve(text.size() / 2);
  out.orig_end.reserve(text.size() / 2);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t before = pos;
    char32_t cp = utf8::Next(text, pos);
    const std::string& norm = normalizer.Normalize(cp);
    size_t at = 0;
    while (at < norm.size()) {
      UChar32 c = static_cast<UChar32>(utf8::Next(norm, at));
      int32_t units = out.text.length();
      out.text.append(c);
      for (int32_t i = units; i < out.text.length(); ++i) {
        out.orig_begin.push_back(static_cast<uint32_t>(before));
        out.orig_end.push_back(static_cast<uint32_t>(pos));
      }
    }
  }
  return out;
}

std::string Normalize(std::string_view text) {
  CodePointNormalizer& normalizer = ThreadNormalizer();
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) out += normalizer.Normalize(utf8::Next(text, pos));
  return out;
}

std::string NormalizeKey(std::string_view text, size_t max_bytes) {
  std::string norm = Normalize(text);
  std::string out;
  size_t pos = 0;
  while (pos < norm.size()) {
    size_t before = pos;
    char32_t cp = utf8::Next(norm, pos);
    if (utf8::IsSpace(cp)) continue;
    // Cut at the limit on a character boundary: half a character would
    // make the term invalid UTF-8.
    if (out.size() + (pos - before) > max_bytes) break;
    utf8::Append(out, cp);
  }
  return out;
}

}  // namespace baoku::corpus::analysis
