// Facet counts over the whole match set of a search: reporters, topics,
// columns, pages, kinds and a date histogram.
//
// Counts come from Xapian's stock ValueCountMatchSpy on the schema's facet
// slots, so they are exact (the searcher checks every match) and work the
// same on local, sharded and remote databases.
//
// A FacetCounter is used for one search by one thread.
#ifndef BAOKU_SEARCH_FACETS_H_
#define BAOKU_SEARCH_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "baoku/corpus/schema.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

struct FacetValue {
  std::string value;  // What a filter takes: name, topic id, page, kind.
  std::string label;  // What a reader sees: 住房与物业, 第3版, 消息.
  uint64_t count = 0;
};

struct DateBucket {
  std::string key;  // "2026", "2026-06" or "2026-06-11".
  uint64_t count = 0;
};

struct Facets {
  std::vector<FacetValue> reporters;
  std::vector<FacetValue> topics;
  std::vector<FacetValue> columns;
  std::vector<FacetValue> pages;  // In page order.
  std::vector<FacetValue> kinds;
  // Years when the matches span several years, months when they lie in one
  // year, days when in one month; buckets in date order.
  std::string date_granularity;  // "year", "month" or "day".
  std::vector<DateBucket> dates;
};

inline constexpr int kMaxFacetValues = 200;

class FacetCounter {
 public:
  // Registers the match spies; the enquire must not outlive this counter.
  void Attach(Xapian::Enquire& enquire);

  // The counts after Enquire::get_mset() checked every match. Lists are by
  // count (then value) and hold at most `limit` values each.
  Facets Collect(const TopicNames& topics, int limit) const;

 private:
  Xapian::ValueCountMatchSpy date_{corpus::schema::kDateSlot};
  Xapian::ValueCountMatchSpy page_{corpus::schema::kPageSlot};
  Xapian::ValueCountMatchSpy column_{corpus::schema::kColumnSlot};
  Xapian::ValueCountMatchSpy kind_{corpus::schema::kKindSlot};
  Xapian::ValueCountMatchSpy reporters_{corpus::schema::kReportersSlot};
  Xapian::ValueCountMatchSpy topics_{corpus::schema::kTopicsSlot};
};

// The Chinese label of a kind: "news" → "消息".
std::string KindLabel(std::string_view kind);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_FACETS_H_
