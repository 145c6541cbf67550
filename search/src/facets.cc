#include "baoku/search/facets.h"

#include <algorithm>
#include <map>

#include "baoku/corpus/schema.h"
#include "facet_lists.h"

namespace baoku::search {
namespace schema = corpus::schema;

namespace {

using internal::FacetCounts;

FacetCounts CountsOf(const Xapian::ValueCountMatchSpy& spy) {
  FacetCounts counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    counts[*it] += it.get_termfreq();
  }
  return counts;
}

// Splits joined lists (schema::kListSeparator) into per-entry counts.
FacetCounts SplitLists(const FacetCounts& joined) {
  FacetCounts counts;
  for (const auto& [value, count] : joined) {
    size_t pos = 0;
    while (pos <= value.size()) {
      size_t end = value.find(schema::kListSeparator, pos);
      if (end == std::string::npos) end = value.size();
      if (end > pos) counts[value.substr(pos, end - pos)] += count;
      pos = end + 1;
    }
  }
  return counts;
}

}  // namespace

namespace internal {

std::vector<FacetValue> TopFacetValues(const FacetCounts& counts, int limit) {
  std::vector<FacetValue> values;
  for (const auto& [value, count] : counts) {
    if (count > 0) values.push_back({value, value, count});
  }
  std::stable_sort(values.begin(), values.end(),
                   [](const FacetValue& a, const FacetValue& b) {
                     return a.count > b.count;
                   });
  if (values.size() > static_cast<size_t>(limit)) values.resize(limit);
  return values;
}

std::vector<FacetValue> PageFacetValues(const std::map<int, uint64_t>& pages) {
  std::vector<FacetValue> values;
  for (const auto& [page, count] : pages) {
    if (count == 0) continue;
    std::string number = std::to_string(page);
    values.push_back({number, "第" + number + "版", count});
  }
  return values;
}

void LabelFacetValues(const corpus::FieldSpec& field, const TopicNames& topics,
                      std::vector<FacetValue>& values) {
  for (auto& v : values) {
    if (field.value == corpus::FieldValue::kTopic) {
      v.label = topics.Label(v.value);
    }
    if (field.value == corpus::FieldValue::kKind) v.label = KindLabel(v.value);
  }
}

void SetDateBuckets(const FacetCounts& compact, Facets& facets) {
  facets.dates.clear();
  facets.date_granularity.clear();
  for (const auto& [key, count] : compact) {
    if (count == 0 || key.size() < 4) continue;
    std::string iso = key.substr(0, 4);
    if (key.size() >= 6) iso += "-" + key.substr(4, 2);
    if (key.size() >= 8) iso += "-" + key.substr(6, 2);
    facets.date_granularity = key.size() >= 8   ? "day"
                              : key.size() >= 6 ? "month"
                                                : "year";
    facets.dates.push_back({iso, count});
  }
}

}  // namespace internal

std::string KindLabel(std::string_view kind) {
  auto parsed = corpus::KindFromName(kind);
  return std::string(parsed ? corpus::KindLabel(*parsed) : kind);
}

const std::vector<FacetValue>& Facets::Of(const std::string& facet_key) const {
  static const std::vector<FacetValue> kNone;
  auto it = fields.find(facet_key);
  return it == fields.end() ? kNone : it->second;
}

FacetCounter::FacetCounter(const corpus::FieldTable& fields)
    : date_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot)) {
  for (const auto& field : fields.fields()) {
    if (!field.facet_slot) continue;
    spies_.push_back({&field, std::make_unique<Xapian::ValueCountMatchSpy>(
                                  *field.facet_slot)});
  }
}

FacetCounter::FacetCounter(const std::vector<const corpus::FieldSpec*>& fields,
                           bool with_dates) {
  if (with_dates) {
    date_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot);
  }
  for (const auto* field : fields) {
    spies_.push_back({field, std::make_unique<Xapian::ValueCountMatchSpy>(
                                 field->facet_slot.value())});
  }
}

void FacetCounter::Attach(Xapian::Enquire& enquire) {
  if (date_) enquire.add_matchspy(date_.get());
  for (auto& s : spies_) enquire.add_matchspy(s.spy.get());
}

uint64_t FacetCounter::Counted() const {
  if (date_) return date_->get_total();
  return spies_.empty() ? 0 : spies_.front().spy->get_total();
}

Facets FacetCounter::Collect(const TopicNames& topics, int limit) const {
  Facets facets;
  CollectInto(topics, limit, facets);
  return facets;
}

void FacetCounter::CollectInto(const TopicNames& topics, int limit,
                               Facets& facets) const {
  for (const auto& [field, spy] : spies_) {
    auto& values = facets.fields[field->facet_key];
    if (field->value == corpus::FieldValue::kPage) {
      // Sortable numbers, listed in page order.
      std::map<int, uint64_t> pages;
      for (const auto& [value, count] : CountsOf(*spy)) {
        pages[static_cast<int>(Xapian::sortable_unserialise(value))] += count;
      }
      values = internal::PageFacetValues(pages);
      continue;
    }
    values = internal::TopFacetValues(SplitLists(CountsOf(*spy)), limit);
    internal::LabelFacetValues(*field, topics, values);
  }
  if (!date_) return;
  FacetCounts days = CountsOf(*date_);
  if (days.empty()) return;
  // Years when the matches span several, months within one year, days
  // within one month.
  const std::string& first = days.begin()->first;
  const std::string& last = days.rbegin()->first;
  size_t chars = first.substr(0, 6) == last.substr(0, 6)   ? 8
                 : first.substr(0, 4) == last.substr(0, 4) ? 6
                                                           : 4;
  FacetCounts buckets;
  for (const auto& [day, count] : days) {
    if (day.size() == 8) buckets[day.substr(0, chars)] += count;
  }
  internal::SetDateBuckets(buckets, facets);
}

}  // namespace baoku::search
