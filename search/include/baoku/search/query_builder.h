// Free text → Xapian query, through the same analyzer as the index.
//
// Whitespace separates parts; all parts must match (AND). Each part must
// occur as written: a run of Chinese becomes a phrase of adjacent character
// bigrams (one character: the character), so any substring of an article
// finds it whatever a segmenter would make of it; Latin words and numbers are
// terms of their own in the same phrase. Title-block matches rank higher.
//
// Pure function; thread-safe.
#ifndef BAOKU_SEARCH_QUERY_BUILDER_H_
#define BAOKU_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::search {

// A malformed query: what is wrong and where (code point offset).
struct QueryError {
  std::string parameter;  // "q", "limit", ...
  std::string message;
  size_t offset = 0;
};

struct BuiltQuery {
  Xapian::Query query;
  // The phrases (runs of terms at consecutive positions) a snippet should
  // mark.
  std::vector<std::vector<std::string>> highlight_phrases;
  std::optional<QueryError> error;
};

inline constexpr size_t kMaxQueryChars = 1000;

// `lexicon` (may be null) lets whole words (张子珂, 住建局) add to the rank.
BuiltQuery BuildQuery(std::string_view text,
                      const corpus::TextAnalyzer& analyzer,
                      const corpus::Lexicon* lexicon = nullptr);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_QUERY_BUILDER_H_
