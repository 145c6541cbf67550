#include "baoku/search/posting_facets.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "baoku/corpus/schema.h"
#include "facet_lists.h"

namespace baoku::search {
namespace schema = corpus::schema;

namespace {

using internal::FacetCounts;

// Opening a posting list (a B-tree look-up), in postings decoded.
constexpr double kListOpenCost = 20.0;

// One term of a field: its value (the term without the prefix) and how
// many articles hold it in the whole index.
struct ValueTerm {
  std::string value;
  Xapian::doccount termfreq = 0;
};

// The terms of `prefix` whose values are the field's: a longer prefix
// sharing this one's start (XP, XPAGE) has values starting with an
// upper-case letter, which no value here does (names are normalized, the
// rest are ids, kinds, digits).
std::vector<ValueTerm> TermsOf(const Xapian::Database& db,
                               const std::string& prefix) {
  std::vector<ValueTerm> terms;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix);
       ++it) {
    std::string value = (*it).substr(prefix.size());
    if (value.empty() || (value[0] >= 'A' && value[0] <= 'Z')) continue;
    terms.push_back({std::move(value), it.get_termfreq()});
  }
  return terms;
}

double PostingsCost(const std::vector<ValueTerm>& terms,
                    Xapian::doccount matches) {
  double cost = 0;
  for (const auto& t : terms) {
    cost += kListOpenCost + std::min<double>(t.termfreq, kSkipCost * matches);
  }
  return cost;
}

// The match set, for intersections: the sorted ids, and a bitmap of them
// for reading long lists through.
class MatchSet {
 public:
  explicit MatchSet(const std::vector<Xapian::docid>& ids) : ids_(ids) {
    Xapian::docid last = ids.empty() ? 0 : ids.back();
    bits_.assign(last / 64 + 1, 0);
    for (Xapian::docid id : ids) bits_[id / 64] |= uint64_t{1} << (id % 64);
  }

  // How many matches hold `term`, and the first of them (0: none).
  std::pair<uint64_t, Xapian::docid> Count(const Xapian::Database& db,
                                           const std::string& term,
                                           Xapian::doccount termfreq) const {
    if (ids_.empty() || termfreq == 0) return {0, 0};
    uint64_t count = 0;
    Xapian::docid first = 0;
    auto it = db.postlist_begin(term);
    const auto end = db.postlist_end(term);
    if (termfreq <= kSkipCost * ids_.size()) {
      // Read the list through, testing each posting against the bitmap.
      const Xapian::docid last = ids_.back();
      for (; it != end; ++it) {
        Xapian::docid id = *it;
        if (id > last) break;
        if ((bits_[id / 64] >> (id % 64)) & 1) {
          if (count++ == 0) first = id;
        }
      }
      return {count, first};
    }
    // A list longer than the matches: skip through it from match to match,
    // and past the matches it does not hold.
    auto m = ids_.begin();
    while (m != ids_.end()) {
      it.skip_to(*m);
      if (it == end) break;
      Xapian::docid id = *it;
      if (id == *m) {
        if (count++ == 0) first = id;
        ++m;
      } else {
        m = std::lower_bound(m, ids_.end(), id);
      }
    }
    return {count, first};
  }

 private:
  const std::vector<Xapian::docid>& ids_;
  std::vector<uint64_t> bits_;
};

// The entry of a joined facet value (schema::kListSeparator) whose key is
// `key`: the name as printed.
std::string PrintedName(const std::string& joined, const std::string& key,
                        const corpus::TextAnalyzer& analyzer) {
  size_t pos = 0;
  while (pos <= joined.size()) {
    size_t end = joined.find(schema::kListSeparator, pos);
    if (end == std::string::npos) end = joined.size();
    std::string entry = joined.substr(pos, end - pos);
    if (!entry.empty() && analyzer.NormalizeKey(entry) == key) return entry;
    pos = end + 1;
  }
  return key;
}

void CountField(const Xapian::Database& db, const MatchSet& matches,
                const corpus::FieldSpec& field, const TopicNames& topics,
                const corpus::TextAnalyzer& analyzer, int limit,
                Facets& facets) {
  using corpus::FieldValue;
  FacetCounts counts;
  std::map<std::string, Xapian::docid> first_match;
  std::map<int, uint64_t> pages;
  for (const auto& t : TermsOf(db, field.prefix)) {
    auto [count, first] = matches.Count(db, field.prefix + t.value, t.termfreq);
    if (count == 0) continue;
    if (field.value == FieldValue::kPage) {
      pages[std::atoi(t.value.c_str())] += count;
      continue;
    }
    counts[t.value] = count;
    first_match[t.value] = first;
  }
  auto& values = facets.fields[field.facet_key];
  if (field.value == FieldValue::kPage) {
    values = internal::PageFacetValues(pages);
    return;
  }
  values = internal::TopFacetValues(counts, limit);
  internal::LabelFacetValues(field, topics, values);
  if (field.value != FieldValue::kName) return;
  // Names are terms in their folded form: show them as printed.
  for (auto& v : values) {
    std::string joined =
        db.get_document(first_match[v.value]).get_value(*field.facet_slot);
    v.value = v.label = PrintedName(joined, v.value, analyzer);
  }
}

// Counts of the terms "<prefix><key>…" of the matches, by key, for the
// date terms: Y2026, M202606, D20260611.
FacetCounts CountDates(const Xapian::Database& db, const MatchSet& matches,
                       std::string_view prefix, const std::string& within,
                       size_t digits) {
  FacetCounts counts;
  std::string start = std::string(prefix) + within;
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    std::string key = (*it).substr(prefix.size());
    if (key.size() != digits) continue;
    uint64_t count = matches.Count(db, *it, it.get_termfreq()).first;
    if (count > 0) counts[key] = count;
  }
  return counts;
}

}  // namespace

std::vector<Xapian::docid> MatchIds::Take() {
  if (!std::is_sorted(ids_.begin(), ids_.end())) {
    std::sort(ids_.begin(), ids_.end());
  }
  return std::move(ids_);
}

FacetPlan PlanFacets(const Xapian::Database& db,
                     const corpus::FieldTable& fields, Xapian::doccount matches,
                     FacetMethod method) {
  FacetPlan plan;
  const double values_cost = kValueReadCost * matches;
  for (const auto& field : fields.fields()) {
    if (!field.facet_slot || field.prefix.empty()) continue;
    bool postings =
        method == FacetMethod::kPostings ||
        (method == FacetMethod::kAuto &&
         PostingsCost(TermsOf(db, field.prefix), matches) < values_cost);
    (postings ? plan.by_postings : plan.by_values).push_back(&field);
  }
  plan.dates_by_postings =
      method == FacetMethod::kPostings ||
      (method == FacetMethod::kAuto &&
       PostingsCost(TermsOf(db, std::string(schema::kYear)), matches) <
           values_cost);
  return plan;
}

void CountFromPostings(const Xapian::Database& db,
                       const std::vector<Xapian::docid>& matches,
                       const FacetPlan& plan, const TopicNames& topics,
                       const corpus::TextAnalyzer& analyzer, int limit,
                       Facets& facets) {
  MatchSet set(matches);
  for (const auto* field : plan.by_postings) {
    CountField(db, set, *field, topics, analyzer, limit, facets);
  }
  if (!plan.dates_by_postings) return;
  // Years; months when every match lies in one year; days within a month.
  FacetCounts dates = CountDates(db, set, schema::kYear, "", 4);
  if (dates.size() == 1) {
    dates = CountDates(db, set, schema::kMonth, dates.begin()->first, 6);
    if (dates.size() == 1) {
      dates = CountDates(db, set, schema::kDay, dates.begin()->first, 8);
    }
  }
  internal::SetDateBuckets(dates, facets);
}

}  // namespace baoku::search
