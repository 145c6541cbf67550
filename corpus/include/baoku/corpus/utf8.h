// Small UTF-8 helpers for code that works on lines and spans and needs no
// ICU (page reading, snippets). Pure functions; thread-safe.
#ifndef BAOKU_CORPUS_UTF8_H_
#define BAOKU_CORPUS_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace baoku::corpus::utf8 {

// Decodes the code point at byte offset `pos`, advancing `pos`. Invalid bytes
// decode as U+FFFD and advance by one byte.
char32_t Next(std::string_view s, size_t& pos);

// The code point that ends just before byte offset `end` (0 when end == 0).
char32_t Last(std::string_view s);

void Append(std::string& out, char32_t cp);

size_t CodePointCount(std::string_view s);

// True when s has more than n code points; reads at most n + 1 of them.
bool LongerThan(std::string_view s, size_t n);

// Byte offset of the n-th code point (s.size() when s is shorter).
size_t OffsetOfCodePoint(std::string_view s, size_t n);

// True for valid UTF-8 without overlong forms or surrogates.
bool IsValid(std::string_view s);

// CJK unified ideographs (all planes), compatibility ideographs and 〇.
bool IsHan(char32_t cp);

// White space, ASCII or ideographic (U+3000) or no-break.
bool IsSpace(char32_t cp);

// Trims white space (including U+3000) from both ends.
std::string_view Trim(std::string_view s);

// True when s starts with prefix.
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace baoku::corpus::utf8

#endif  // BAOKU_CORPUS_UTF8_H_
