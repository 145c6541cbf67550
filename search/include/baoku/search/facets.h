// Facet counts over the whole match set of a search: one list per field of
// the field table (corpus/fields.h) with a facet slot (reporters, topics,
// columns, pages, kinds) and a date histogram.
//
// Counts come from Xapian's stock ValueCountMatchSpy on the fields' facet
// slots, so they are exact (the searcher checks every match) and work the
// same on local, sharded and remote databases.
//
// A FacetCounter is used for one search by one thread.
#ifndef BAOKU_SEARCH_FACETS_H_
#define BAOKU_SEARCH_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "baoku/corpus/fields.h"
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
  // By FieldSpec::facet_key ("reporters", "pages", ...); pages in page
  // order, other lists by count.
  std::map<std::string, std::vector<FacetValue>> fields;
  // The list of `facet_key`; empty when there is none.
  const std::vector<FacetValue>& Of(const std::string& facet_key) const;

  // Years when the matches span several years, months when they lie in one
  // year, days when in one month; buckets in date order.
  std::string date_granularity;  // "year", "month" or "day".
  std::vector<DateBucket> dates;
};

inline constexpr int kMaxFacetValues = 200;

class FacetCounter {
 public:
  // A facet for each field of `fields` with a facet slot; `fields` must
  // outlive the counter.
  explicit FacetCounter(
      const corpus::FieldTable& fields = corpus::FieldTable::Standard());

  // Registers the match spies; the enquire must not outlive this counter.
  void Attach(Xapian::Enquire& enquire);

  // The counts after Enquire::get_mset() checked every match. Lists are by
  // count (then value) and hold at most `limit` values each.
  Facets Collect(const TopicNames& topics, int limit) const;

 private:
  struct FieldSpy {
    const corpus::FieldSpec* field;
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
  };
  Xapian::ValueCountMatchSpy date_{corpus::schema::kDateSlot};
  std::vector<FieldSpy> spies_;
};

// The Chinese label of a kind: "news" → "消息".
std::string KindLabel(std::string_view kind);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_FACETS_H_
