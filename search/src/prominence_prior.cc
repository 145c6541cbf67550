#include "baoku/search/prominence_prior.h"

#include <cmath>
#include <vector>

#include "baoku/corpus/schema.h"
#include "weight_bonus.h"

namespace baoku::search {

// bench/quality/prominence_fit.py (docs/SEARCH.md, 头版头条).
const double kProminencePriorStrength = 5.0;

Xapian::Query WithProminencePrior(const Xapian::Query& query, double strength) {
  if (strength <= 0) return query;
  // The prior as ceil(strength) copies of the source, each scaled by at most
  // 1, not one source scaled by `strength`: Xapian 1.4.22 hands a posting
  // source the minimum weight in the scaled units and compares it with the
  // source's own, unscaled maximum (ExternalPostList::next/skip_to/check in
  // xapian-core/matcher/externalpostlist.cc, also on master), so a source
  // scaled above 1 ends early and drops articles that belonged on the page
  // (tests/search/searcher_test.cc, "The first hits do not depend on how
  // many are asked for", sort=prominence). Scaled by at most 1 its check
  // only ever ends it later than it could.
  const int copies = static_cast<int>(std::ceil(strength));
  std::vector<Xapian::Query> parts;
  for (int i = 0; i < copies; ++i) {
    // The query owns the source (release()); ValueWeightPostingSource reads
    // sortable_serialise()d doubles, its weight is the value itself.
    Xapian::Query source((new Xapian::ValueWeightPostingSource(
                              corpus::schema::kProminenceScoreSlot))
                             ->release());
    parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, source,
                       strength / copies);
  }
  return internal::WithBonus(
      query, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
}

}  // namespace baoku::search
