// JSON forms of search results, shared by baoku-search --json and the API.
#ifndef BAOKU_SEARCH_RESULT_JSON_H_
#define BAOKU_SEARCH_RESULT_JSON_H_

#include <nlohmann/json.hpp>

#include "baoku/search/searcher.h"

namespace baoku::search {

// {"total", "offset", "hits": [{"id", "headline", "kicker", "subtitle",
//  "column", "date", "page", "section", "kind", "reporters", "photographers",
//  "score", "snippet": {"text", "highlights": [[begin, end], ...]}}]}
// Highlight offsets are code points of snippet.text.
nlohmann::json SearchResponseToJson(const SearchResponse& response);

// {"error": {"parameter", "message", "offset"}}
nlohmann::json QueryErrorToJson(const QueryError& error);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_RESULT_JSON_H_
