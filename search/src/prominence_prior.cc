#include "baoku/search/prominence_prior.h"

#include "baoku/corpus/schema.h"

namespace baoku::search {

// bench/quality/prominence_fit.py (docs/SEARCH.md, 头版头条).
const double kProminencePriorStrength = 5.0;

Xapian::Query WithProminencePrior(const Xapian::Query& query, double strength) {
  if (strength <= 0) return query;
  // The query owns the source (release()); ValueWeightPostingSource reads
  // sortable_serialise()d doubles, its weight is the value itself.
  Xapian::Query prior((new Xapian::ValueWeightPostingSource(
                           corpus::schema::kProminenceScoreSlot))
                          ->release());
  return Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, query,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, prior, strength));
}

}  // namespace baoku::search
