// Running saved searches (saved_searches.h) against an index: the request
// a saved search makes, what is new in the latest issue, and how many of
// the articles a batch wrote each one matches (baoku-index prints it).
//
// Free functions over a Searcher; as thread-safe as the Searcher (one per
// thread).
#ifndef BAOKU_SEARCH_ALERTS_H_
#define BAOKU_SEARCH_ALERTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "baoku/corpus/date.h"
#include "baoku/search/saved_searches.h"
#include "baoku/search/searcher.h"

namespace baoku::search {

// The search a saved search stands for (query and filters; newest first).
SearchRequest RequestFor(const SavedSearch& saved);

struct AlertCount {
  SavedSearch search;
  uint64_t count = 0;  // Matching articles.
  // Set when the saved query no longer parses (e.g. a field was renamed):
  // count is 0 then.
  std::optional<QueryError> error;
};

// For each saved search, how many articles among `article_ids` it matches
// (one query per saved search). Throws as Searcher::Search does.
std::vector<AlertCount> CountAmong(Searcher& searcher,
                                   const std::vector<SavedSearch>& saved,
                                   const std::vector<std::string>& article_ids);

// For each saved search, how many articles of the issue of `day` it
// matches: "new since the last issue indexed" with EndDate(searcher, true)
// (browse.h).
std::vector<AlertCount> CountOnDay(Searcher& searcher,
                                   const std::vector<SavedSearch>& saved,
                                   const corpus::Date& day);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_ALERTS_H_
