// Helpers shared by the API's handlers (api.cc, browse.cc): parameters,
// JSON responses, the short article form of listings, paging through a
// whole result list. Private to web/.
#ifndef BAOKU_WEB_HANDLERS_H_
#define BAOKU_WEB_HANDLERS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/search/searcher.h"
#include "baoku/web/api.h"

namespace baoku::web::internal {

HttpResponse Json(int status, const nlohmann::json& body);

// The first value of `key`, or nullptr.
const std::string* Param(const HttpRequest& request, const std::string& key);

// Reads an integer parameter into `out` (left alone when absent); false and
// a 400 in `error` when it is not a whole number.
bool IntParam(const HttpRequest& request, const std::string& key, int& out,
              HttpResponse& error);

// A required, non-blank parameter; false and a 400 in `error` when missing.
bool RequiredParam(const HttpRequest& request, const std::string& key,
                   std::string& out, HttpResponse& error);

// q, the field filters (reporter=, topic=, ...), sort, offset, limit,
// facets, facet_limit into `query`; false and a 400 in `error` when one of
// them is malformed. The searcher checks the values' ranges.
bool ReadSearchParams(const HttpRequest& request, search::SearchRequest& query,
                      HttpResponse& error);

// The first paragraph that is not a subhead, whole; empty when none.
std::string LeadParagraph(const corpus::Article& article);

// What listings show of an article: {"id", "title", "headline", "kicker",
// "column", "paper", "date", "page", "section", "ordinal", "kind",
// "reporters", "topics": [{"value", "label", "score"}], "lead"}.
nlohmann::json BriefJson(const corpus::Article& article,
                         const search::TopicNames& topics);
nlohmann::json BriefsJson(const std::vector<search::Hit>& hits,
                          const search::TopicNames& topics);

// Pages through Search() (without snippets) for up to `max` hits.
struct Collected {
  uint64_t total = 0;
  std::vector<search::Hit> hits;
  std::optional<search::Facets> facets;  // When the request asked for them.
  std::optional<search::QueryError> error;
};
Collected SearchAll(search::Searcher& searcher, search::SearchRequest request,
                    int max);

// `s` without leading and trailing spaces and tabs (header values).
std::string_view TrimBlanks(std::string_view s);

// `text` percent-encoded (%XX, upper-case hex), keeping ASCII letters, digits
// and the characters in `keep`: "-._~" for a URL's query value (RFC 3986's
// unreserved), "!#$&+-.^_`|~" for a header's filename* (RFC 5987 attr-char).
std::string PercentEncoded(std::string_view text, std::string_view keep);

// The structured filters of a search as the answer echoes them:
// [{"field" (its filter parameter), "value" (as given), "label" (what a
// reader sees: 住房与物业 for housing, 第2版, 消息, 2026年6月)}], in request
// order.
nlohmann::json ActiveFiltersJson(
    const std::vector<search::FieldFilter>& filters,
    const search::TopicNames& topics);

// The 400 for a query error of the search.
HttpResponse QueryErrorResponse(const search::QueryError& error);

}  // namespace baoku::web::internal

#endif  // BAOKU_WEB_HANDLERS_H_
