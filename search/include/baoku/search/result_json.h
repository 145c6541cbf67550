// JSON forms of search results, shared by baoku-search --json and the API.
// One shape per thing (docs/API.md, "Shapes"): every counted list entry is
// {"value", "label", "count"} (facets, timelines, years, days, listings,
// suggestions), an article's topics {"value", "label", "score"}, a title
// a string; the marks of a hit's title are in "highlights": {"title"}.
//
// Highlight offsets are [begin, end) code points of the text they mark; the
// caller escapes the text and renders the marks.
#ifndef BAOKU_SEARCH_RESULT_JSON_H_
#define BAOKU_SEARCH_RESULT_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "baoku/search/facets.h"
#include "baoku/search/searcher.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

// {"id", "title", "headline", "kicker", "subtitle", "column", "paper",
//  "date", "page", "section", "ordinal", "kind", "reporters",
//  "photographers", "topics": [{"value", "label", "score"}], "score",
//  "similar_count", "prominence": ["头版", "头条", "有图"] (those that
//  hold), "highlights": {"title": [[begin, end], ...]},
//  "snippet": {"text", "highlights": [[begin, end], ...]},
//  "why"?: [{"part", "parameter", "offset", "where", "where_label",
//  "printed", "forms", "form_labels", "count"}] (when the hit carries its
//  reasons, match_reasons.h)}
nlohmann::json HitToJson(const Hit& hit, const TopicNames& topics);

// {"total", "offset", "hits": [...], "facets"?: {...}, "facets_exact"?,
//  "facets_counted"?} (the last two with the facets: whether they count
//  every match, and how many they count; Facets::exact, Facets::counted)
nlohmann::json SearchResponseToJson(const SearchResponse& response,
                                    const TopicNames& topics);

// {"reporters"|"topics"|"columns"|"pages"|"kinds"|...: [{"value", "label",
//  "count"}], "dates": DatesToJson(facets)}
nlohmann::json FacetsToJson(const Facets& facets);

// The list entry: {"value" (what a filter takes), "label" (what a reader
// sees), "count"}.
nlohmann::json ValueToJson(const FacetValue& value);

// The date histogram: {"granularity", "buckets": [{"value" ("2026",
// "2026-06" or "2026-06-11", a date filter), "label", "count"}]}.
nlohmann::json DatesToJson(const Facets& facets);

// "2026年", "2026年6月", "2026年6月11日" for a date key of that precision;
// the key itself when it is none of them.
std::string DateKeyLabel(std::string_view key);

// The article's topics: [{"value" (the id), "label" (the name), "score"}].
nlohmann::json TopicsToJson(const corpus::Article& article,
                            const TopicNames& topics);

// {"error": {"parameter", "message", "offset"[, "code"]}}: "code" is the
// problem's stable code (corpus/diagnostic.h) when it has one.
nlohmann::json QueryErrorToJson(const QueryError& error);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_RESULT_JSON_H_
