// Where phrases of analyzer terms occur in a text, in bytes of the text:
// the one search for the snippets (snippet.h) and the reasons a hit matched
// (match_reasons.h), so that both find what the index found.
//
// Internal to search/. Pure function; thread-safe.
#ifndef BAOKU_SEARCH_PHRASE_MATCHES_H_
#define BAOKU_SEARCH_PHRASE_MATCHES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::search::internal {

struct PhraseMatch {
  uint32_t begin = 0;  // [begin, end) bytes of the text.
  uint32_t end = 0;
  size_t phrase = 0;  // Index into the phrases.
};

// Every occurrence in `text` of each of `phrases` (terms at consecutive
// positions, e.g. BuiltQuery::highlight_phrases), sorted by start. Time
// linear in the text and its matches (TextAnalyzer::AnalyzeFor).
std::vector<PhraseMatch> FindPhraseMatches(
    std::string_view text, const std::vector<std::vector<std::string>>& phrases,
    const corpus::TextAnalyzer& analyzer);

// The prefix of `text` that is searched for matches: at most `max_bytes`,
// cut on a code point boundary.
std::string_view ScannedPrefix(std::string_view text, size_t max_bytes);

}  // namespace baoku::search::internal

#endif  // BAOKU_SEARCH_PHRASE_MATCHES_H_
