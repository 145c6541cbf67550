#include "baoku/search/alerts.h"

namespace baoku::search {
namespace {

AlertCount CountOf(Searcher& searcher, const SavedSearch& saved,
                   SearchRequest request) {
  request.limit = 1;
  request.with_snippets = false;
  AlertCount count;
  count.search = saved;
  SearchResponse response = searcher.Search(request);
  if (response.error) {
    count.error = response.error;
  } else {
    count.count = response.total;
  }
  return count;
}

}  // namespace

SearchRequest RequestFor(const SavedSearch& saved) {
  SearchRequest request;
  request.query = saved.query;
  for (const auto& f : saved.filters) {
    request.filters.push_back({f.field, f.value});
  }
  request.sort = SortOrder::kNewest;
  return request;
}

std::vector<AlertCount> CountAmong(
    Searcher& searcher, const std::vector<SavedSearch>& saved,
    const std::vector<std::string>& article_ids) {
  std::vector<AlertCount> counts;
  for (const auto& s : saved) {
    if (article_ids.empty()) {
      AlertCount none;
      none.search = s;
      counts.push_back(std::move(none));
      continue;
    }
    SearchRequest request = RequestFor(s);
    request.within_ids = article_ids;
    counts.push_back(CountOf(searcher, s, std::move(request)));
  }
  return counts;
}

std::vector<AlertCount> CountOnDay(Searcher& searcher,
                                   const std::vector<SavedSearch>& saved,
                                   const corpus::Date& day) {
  std::vector<AlertCount> counts;
  for (const auto& s : saved) {
    SearchRequest request = RequestFor(s);
    request.filters.push_back({"date", day.ToIso()});
    counts.push_back(CountOf(searcher, s, std::move(request)));
  }
  return counts;
}

}  // namespace baoku::search
