// How facet counts become the lists of Facets, shared by the two ways of
// counting (facets.cc: value spies; posting_facets.cc: term postings), so
// that both order, cap and label alike.
#ifndef BAOKU_SEARCH_FACET_LISTS_H_
#define BAOKU_SEARCH_FACET_LISTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "baoku/corpus/fields.h"
#include "baoku/search/facets.h"
#include "baoku/search/topic_names.h"

namespace baoku::search::internal {

using FacetCounts = std::map<std::string, uint64_t>;

// By count, ties by value; at most `limit` entries; labels are the values.
std::vector<FacetValue> TopFacetValues(const FacetCounts& counts, int limit);

// Pages in page order, labelled 第3版.
std::vector<FacetValue> PageFacetValues(const std::map<int, uint64_t>& pages);

// Topic ids get their names, kinds their Chinese labels; other values keep
// theirs.
void LabelFacetValues(const corpus::FieldSpec& field, const TopicNames& topics,
                      std::vector<FacetValue>& values);

// Sets the histogram of `facets` from counts keyed by compact dates of one
// precision ("2026", "202606" or "20260611"): granularity year, month or
// day, buckets in date order with ISO keys ("2026-06").
void SetDateBuckets(const FacetCounts& compact, Facets& facets);

}  // namespace baoku::search::internal

#endif  // BAOKU_SEARCH_FACET_LISTS_H_
