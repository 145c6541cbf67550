// libFuzzer target: the analyzer with a lexicon must take any text. The
// first line of the input is the lexicon (words separated by spaces, as in a
// lexicon file line), the rest the text, so the fuzzer explores merges of
// ICU segments into lexicon words as well as the plain analysis.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"

namespace {

using baoku::corpus::Lexicon;
using baoku::corpus::TextAnalyzer;

Lexicon LexiconFrom(std::string_view line, const TextAnalyzer& analyzer) {
  Lexicon lexicon;
  size_t start = 0;
  while (start <= line.size()) {
    size_t space = line.find(' ', start);
    if (space == std::string_view::npos) space = line.size();
    lexicon.Add(line.substr(start, space - start), analyzer);
    start = space + 1;
  }
  return lexicon;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const TextAnalyzer analyzer;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t newline = input.find('\n');
  std::string_view words =
      newline == std::string_view::npos ? input : input.substr(0, newline);
  std::string_view text =
      newline == std::string_view::npos ? input : input.substr(newline + 1);
  const Lexicon lexicon = LexiconFrom(words, analyzer);

  // Tokens: spans inside the text, positions in order from the first one.
  for (const Lexicon* lex : {static_cast<const Lexicon*>(nullptr), &lexicon}) {
    uint32_t last_position = 7;
    for (const auto& tok : analyzer.Analyze(text, 7, lex)) {
      if (tok.begin > tok.end || tok.end > text.size()) __builtin_trap();
      if (tok.position < last_position) __builtin_trap();
      if (tok.term.empty()) __builtin_trap();
      last_position = tok.position;
    }
    // Segments: inside the text, in order, never overlapping.
    uint32_t last_end = 0;
    for (const auto& span : analyzer.Segment(text, lex)) {
      if (span.begin < last_end || span.begin >= span.end ||
          span.end > text.size()) {
        __builtin_trap();
      }
      last_end = span.end;
    }
  }
  analyzer.Normalize(text);
  analyzer.NormalizeKey(text);
  analyzer.BreaksBetween(text.substr(0, text.size() / 2),
                         text.substr(text.size() / 2));
  return 0;
}
