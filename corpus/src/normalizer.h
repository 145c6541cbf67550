// The normalizer stage of the text analyzer (text_analyzer.h): text is
// normalized code point by code point — NFKC with case folding, ICU's
// Traditional-Simplified, then the fold table for what ICU leaves apart
// (kExtraFolds in normalizer.cc) — so that 維修資金 = 维修资金 and ＧＯＨＯＭＥ
// = gohome, and each piece of normalized text knows the original bytes it came
// from.
//
// Internal to corpus/ (the only module that includes ICU). Thread-safety:
// free functions, safe from many threads at once: the ICU objects and the
// code point cache are kept per thread.
#ifndef BAOKU_CORPUS_NORMALIZER_H_
#define BAOKU_CORPUS_NORMALIZER_H_

#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace baoku::corpus::analysis {

// Normalized text in UTF-16 for ICU, and for each UTF-16 unit the byte span
// [orig_begin, orig_end) of the original code point it came from.
struct NormalizedText {
  icu::UnicodeString text;
  std::vector<uint32_t> orig_begin;
  std::vector<uint32_t> orig_end;
};

// The normalized form of one code point, as UTF-8 (may be empty or longer
// than one character, e.g. … → ...). The reference stays valid until the
// calling thread's next call.
const std::string& NormalizeCodePoint(char32_t cp);

// `text` (UTF-8; invalid bytes read as U+FFFD) normalized, with its map.
NormalizedText NormalizeWithMap(std::string_view text);

// `text` normalized, as UTF-8.
std::string Normalize(std::string_view text);

// Normalize() without white space, at most `max_bytes` long and cut only
// between characters: the form of exact-match values (names, columns).
std::string NormalizeKey(std::string_view text, size_t max_bytes);

// Throws std::runtime_error when the ICU data the normalizer needs is
// missing; call once up front to fail early.
void CheckNormalizerData();

}  // namespace baoku::corpus::analysis

#endif  // BAOKU_CORPUS_NORMALIZER_H_
