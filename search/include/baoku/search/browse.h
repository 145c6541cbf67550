// The logic of the browsing pages as plain functions returning structs:
// a topic's best articles, a column's instalments in the order printed, the
// months and days of the calendar, "on this day", name suggestions. The web
// API (web/src/browse.cc) only maps parameters to these and their results
// to JSON; baoku-search may call them the same way.
//
// Pure functions of their arguments (no index reads unless a Searcher is
// passed); thread-safe as far as their arguments are.
#ifndef BAOKU_SEARCH_BROWSE_H_
#define BAOKU_SEARCH_BROWSE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/date_range.h"
#include "baoku/search/facets.h"
#include "baoku/search/searcher.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

// ---- Topics ----

// The `count` articles of `hits` the topic scorer was surest of for
// `topic_id` (pinned ones first), in that order; ties keep their order in
// `hits`.
std::vector<Hit> MostRelevantForTopic(std::vector<Hit> hits,
                                      const std::string& topic_id,
                                      size_t count);

// ---- Columns ----

// The instalment number a series prints in the headline or kicker:
// "7.物业服务合同…", "11．…", "第3期", "第十二问", "（三）", "…之五";
// ASCII, full-width and Chinese numerals up to 99. nullopt when there is
// none.
std::optional<int> InstalmentNumber(const corpus::Article& article);

struct Instalment {
  size_t hit = 0;             // Index into the hits given.
  std::optional<int> number;  // As printed, when there is one.
};

// A column's articles (given in date order) in the order of the printed
// numbers when every instalment has one (a late correction or a re-run then
// falls into place), else in the order given.
std::vector<Instalment> ArrangeInstalments(const std::vector<Hit>& hits);

// ---- Calendar ----

// "2026-06" and "2026-06-11". REQUIRES: 1 <= month <= 12.
std::string IsoMonth(int year, int month);
std::string IsoDay(int year, int month, int day);

struct CalendarMonth {
  std::string month;                // "2026-06".
  std::optional<std::string> prev;  // The month before, within the archive.
  std::optional<std::string> next;  // The month after, within the archive.
};

// The month shown and its neighbours while they lie between the archive's
// first and last issue (nullopt: an empty archive, no neighbours).
// REQUIRES: 1 <= month <= 12.
CalendarMonth MonthOfCalendar(int year, int month,
                              const std::optional<corpus::Date>& first,
                              const std::optional<corpus::Date>& last);

// The same day of the month in each year from `first_year` to the year
// before `day`'s, skipping years without it (29 February), oldest first:
// "2024-02-29", ... REQUIRES: day.precision == kDay.
std::vector<std::string> SameDayInEarlierYears(int first_year,
                                               const DatePoint& day);

// Counts per year from a date histogram of any granularity, by year.
struct YearCount {
  int year = 0;
  uint64_t count = 0;
};
std::vector<YearCount> YearsOf(const Facets& facets);

// ---- Names ----

// The value of `values` that `name` normalizes to as the analyzer keys
// names (the name as printed), or `name` itself when none does.
std::string CanonicalName(const std::vector<FacetValue>& values,
                          const std::string& name,
                          const corpus::TextAnalyzer& analyzer);

struct SuggestCandidate {
  FacetValue value;                // What a filter takes, label, count.
  std::vector<std::string> names;  // The names it is found by.
};

// Up to `limit` candidates whose names start with `prefix` (normalized),
// then those whose names merely contain it; by count within each.
std::vector<FacetValue> SuggestNames(
    const std::vector<SuggestCandidate>& candidates, const std::string& prefix,
    size_t limit, const corpus::TextAnalyzer& analyzer);

// ---- Archive-wide reads ----

// Facet lists over the whole archive, every value in each.
Facets ArchiveFacets(Searcher& searcher);

// The oldest or newest article's date, or nullopt for an empty archive.
std::optional<corpus::Date> EndDate(Searcher& searcher, bool newest);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_BROWSE_H_
