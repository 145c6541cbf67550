#include "baoku/search/facets.h"

#include <algorithm>
#include <map>

#include "baoku/corpus/schema.h"

namespace baoku::search {
namespace schema = corpus::schema;

namespace {

using Counts = std::map<std::string, uint64_t>;

Counts CountsOf(const Xapian::ValueCountMatchSpy& spy) {
  Counts counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    counts[*it] += it.get_termfreq();
  }
  return counts;
}

// Splits joined lists (schema::kListSeparator) into per-entry counts.
Counts SplitLists(const Counts& joined) {
  Counts counts;
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

std::vector<FacetValue> TopValues(const Counts& counts, int limit) {
  std::vector<FacetValue> values;
  for (const auto& [value, count] : counts) {
    values.push_back({value, value, count});
  }
  std::stable_sort(values.begin(), values.end(),
                   [](const FacetValue& a, const FacetValue& b) {
                     return a.count > b.count;
                   });
  if (values.size() > static_cast<size_t>(limit)) values.resize(limit);
  return values;
}

std::string IsoPrefix(const std::string& compact, size_t chars) {
  std::string iso = compact.substr(0, 4);
  if (chars >= 6) iso += "-" + compact.substr(4, 2);
  if (chars >= 8) iso += "-" + compact.substr(6, 2);
  return iso;
}

}  // namespace

std::string KindLabel(std::string_view kind) {
  auto parsed = corpus::KindFromName(kind);
  return std::string(parsed ? corpus::KindLabel(*parsed) : kind);
}

const std::vector<FacetValue>& Facets::Of(const std::string& facet_key) const {
  static const std::vector<FacetValue> kNone;
  auto it = fields.find(facet_key);
  return it == fields.end() ? kNone : it->second;
}

FacetCounter::FacetCounter(const corpus::FieldTable& fields) {
  for (const auto& field : fields.fields()) {
    if (!field.facet_slot) continue;
    spies_.push_back({&field, std::make_unique<Xapian::ValueCountMatchSpy>(
                                  *field.facet_slot)});
  }
}

void FacetCounter::Attach(Xapian::Enquire& enquire) {
  enquire.add_matchspy(&date_);
  for (auto& s : spies_) enquire.add_matchspy(s.spy.get());
}

Facets FacetCounter::Collect(const TopicNames& topics, int limit) const {
  using corpus::FieldValue;
  Facets facets;
  for (const auto& [field, spy] : spies_) {
    auto& values = facets.fields[field->facet_key];
    if (field->value == FieldValue::kPage) {
      // Sortable numbers, listed in page order.
      std::map<double, uint64_t> pages;
      for (const auto& [value, count] : CountsOf(*spy)) {
        pages[Xapian::sortable_unserialise(value)] += count;
      }
      for (const auto& [page, count] : pages) {
        std::string number = std::to_string(static_cast<int>(page));
        values.push_back({number, "第" + number + "版", count});
      }
      continue;
    }
    values = TopValues(SplitLists(CountsOf(*spy)), limit);
    for (auto& v : values) {
      if (field->value == FieldValue::kTopic) v.label = topics.Label(v.value);
      if (field->value == FieldValue::kKind) v.label = KindLabel(v.value);
    }
  }

  Counts days = CountsOf(date_);
  if (!days.empty()) {
    const std::string& first = days.begin()->first;
    const std::string& last = days.rbegin()->first;
    size_t chars = first.substr(0, 6) == last.substr(0, 6)   ? 8
                   : first.substr(0, 4) == last.substr(0, 4) ? 6
                                                             : 4;
    facets.date_granularity = chars == 8   ? "day"
                              : chars == 6 ? "month"
                                           : "year";
    std::map<std::string, uint64_t> buckets;
    for (const auto& [day, count] : days) {
      if (day.size() == 8) buckets[IsoPrefix(day, chars)] += count;
    }
    for (const auto& [key, count] : buckets) {
      facets.dates.push_back({key, count});
    }
  }
  return facets;
}

}  // namespace baoku::search
