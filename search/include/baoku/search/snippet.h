// The best passage of an article for a query, with the matches marked.
//
// Pure function; thread-safe.
#ifndef BAOKU_SEARCH_SNIPPET_H_
#define BAOKU_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::search {

// [begin, end) in code points of Snippet::text.
struct Highlight {
  size_t begin = 0;
  size_t end = 0;
};

struct Snippet {
  std::string text;  // Original text (not normalized), "…" where cut.
  std::vector<Highlight> highlights;
};

inline constexpr size_t kSnippetChars = 100;
// Bounds on the work for one text, whatever its size: the snippet's passage
// is chosen from the first kMaxSnippetScanBytes, and MarkAll marks the first
// kMaxMarks occurrences in the first kMaxMarkedBytes.
inline constexpr size_t kMaxSnippetScanBytes = 64 * 1024;
inline constexpr size_t kMaxMarkedBytes = 256 * 1024;
inline constexpr size_t kMaxMarks = 2000;

// Picks the window of about `max_chars` code points of `text` with the most
// distinct, then the most, occurrences of `phrases` (analyzer terms at
// consecutive positions, e.g. BuiltQuery::highlight_phrases) and marks every
// occurrence in it. Without one, the start of the text. Only the first
// kMaxSnippetScanBytes of `text` are read (the snippet then ends in "…").
// Time linear in the text read and its matches.
Snippet MakeSnippet(std::string_view text,
                    const std::vector<std::vector<std::string>>& phrases,
                    const corpus::TextAnalyzer& analyzer,
                    size_t max_chars = kSnippetChars);

// Every occurrence of `phrases` in `text`, merged where they touch, in code
// points of `text`: at most kMaxMarks, in its first kMaxMarkedBytes.
std::vector<Highlight> MarkAll(
    std::string_view text, const std::vector<std::vector<std::string>>& phrases,
    const corpus::TextAnalyzer& analyzer);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_SNIPPET_H_
