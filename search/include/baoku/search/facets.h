// Facet counts over the whole match set of a search: one list per field of
// the field table (corpus/fields.h) with a facet slot (reporters, topics,
// columns, pages, kinds) and a date histogram.
//
// FacetCounter counts with Xapian's stock ValueCountMatchSpy on the fields'
// facet slots, reading every match's values; posting_facets.h counts from
// the fields' term postings instead, and the searcher picks per field
// (FacetMethod). Both are exact over the matches counted and work the same
// on local, sharded and remote databases.
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

  // False when the count stopped at the search's time budget
  // (SearchRequest::time_budget without exact_total): the counts are then
  // over the first `counted` matches in index order, not all of them, and
  // readers are shown them as approximate (约).
  bool exact = true;
  uint64_t counted = 0;  // Matches counted.
};

// How facet counts are made (SearchRequest::facet_method).
enum class FacetMethod {
  kAuto,      // Per field, the cheaper way (posting_facets.h's cost model).
  kPostings,  // Every field from its terms' postings.
  kValues,    // Every field from the stock ValueCountMatchSpy.
};

inline constexpr int kMaxFacetValues = 200;

class FacetCounter {
 public:
  // A facet for each field of `fields` with a facet slot, and the date
  // histogram; `fields` must outlive the counter.
  explicit FacetCounter(
      const corpus::FieldTable& fields = corpus::FieldTable::Standard());
  // A facet for each of `fields` (each with a facet slot; they must outlive
  // the counter), and the date histogram when `with_dates`.
  FacetCounter(const std::vector<const corpus::FieldSpec*>& fields,
               bool with_dates);

  // Registers the match spies; the enquire must not outlive this counter.
  void Attach(Xapian::Enquire& enquire);

  // The counts after Enquire::get_mset() checked every match, added to
  // `facets`. Lists are by count (then value) and hold at most `limit`
  // values each.
  void CollectInto(const TopicNames& topics, int limit, Facets& facets) const;
  Facets Collect(const TopicNames& topics, int limit) const;
  // How many matches the spies saw (fewer than all when the pass stopped
  // at a time limit); 0 without spies.
  uint64_t Counted() const;

 private:
  struct FieldSpy {
    const corpus::FieldSpec* field;
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
  };
  std::unique_ptr<Xapian::ValueCountMatchSpy> date_;
  std::vector<FieldSpy> spies_;
};

// The Chinese label of a kind: "news" → "消息".
std::string KindLabel(std::string_view kind);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_FACETS_H_
