// JSON forms of search results, shared by baoku-search --json and the API.
//
// Highlight offsets are [begin, end) code points of the text they mark; the
// caller escapes the text and renders the marks.
#ifndef BAOKU_SEARCH_RESULT_JSON_H_
#define BAOKU_SEARCH_RESULT_JSON_H_

#include <nlohmann/json.hpp>

#include "baoku/search/facets.h"
#include "baoku/search/searcher.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

// {"id", "title": {"text", "highlights"}, "headline", "kicker", "subtitle",
//  "column", "paper", "date", "page", "section", "ordinal", "kind",
//  "reporters", "photographers", "topics": [{"id", "name", "score"}],
//  "score", "similar_count", "prominence": ["头版", "头条", "有图"] (those
//  that hold), "snippet": {"text", "highlights": [[begin, end], ...]}}
nlohmann::json HitToJson(const Hit& hit, const TopicNames& topics);

// {"total", "offset", "hits": [...], "facets"?: {...}}
nlohmann::json SearchResponseToJson(const SearchResponse& response,
                                    const TopicNames& topics);

// {"reporters"|"topics"|"columns"|"pages"|"kinds": [{"value", "label",
//  "count"}], "dates": {"granularity", "buckets": [{"key", "count"}]}}
nlohmann::json FacetsToJson(const Facets& facets);

// The article's topics with their names.
nlohmann::json TopicsToJson(const corpus::Article& article,
                            const TopicNames& topics);

// {"error": {"parameter", "message", "offset"[, "code"]}}: "code" is the
// problem's stable code (corpus/diagnostic.h) when it has one.
nlohmann::json QueryErrorToJson(const QueryError& error);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_RESULT_JSON_H_
