// libFuzzer target: any bytes as a query must give a query or an error
// value, and the analyzer must take any text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/query_builder.h"
#include "baoku/search/snippet.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const baoku::corpus::TextAnalyzer analyzer;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto built = baoku::search::BuildQuery(text, analyzer);
  if (!built) return 0;
  // A valid query against its own text: the snippet must mark something.
  auto snippet =
      baoku::search::MakeSnippet(text, built.highlight_phrases, analyzer, 40);
  if (snippet.text.size() > text.size() + 8) __builtin_trap();
  for (const auto& tok : analyzer.Analyze(text)) {
    if (tok.begin > tok.end || tok.end > text.size()) __builtin_trap();
  }
  return 0;
}
