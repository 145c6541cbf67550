// The prominence prior: a search ranked by relevance with a bonus for the
// stories the paper itself gave prominence to — the front page, the lead
// story of a page, a photo, length (corpus/prominence.h). An editor turns
// it on with sort=prominence (SortOrder::kProminence).
//
// Combining rule, for every article d that matches the query q (the prior
// never adds or removes a match):
//
//   weight(d) = BM25(q, d) + strength × ProminenceScore(d)
//
// ProminenceScore is in [0, 1] and stored at index time in
// schema::kProminenceScoreSlot; Xapian adds it through its stock
// ValueWeightPostingSource under OP_SCALE_WEIGHT, added as a bonus that
// matches nothing of its own (AND_MAYBE's meaning, not its Xapian 1.4
// operator: search/src/weight_bonus.h), so it works on remote shards too.
// The strength is in BM25's units and
// fitted on judged queries (bench/quality/prominence_fit.py,
// docs/SEARCH.md "头版头条").
//
// Pure function; thread-safe.
#ifndef BAOKU_SEARCH_PROMINENCE_PRIOR_H_
#define BAOKU_SEARCH_PROMINENCE_PRIOR_H_

#include <xapian.h>

namespace baoku::search {

// The fitted strength: the output of bench/quality/prominence_fit.py on
// bench/quality/prominence_judged.tsv (docs/SEARCH.md), defined in
// prominence_prior.cc so that a new fit rebuilds one file.
extern const double kProminencePriorStrength;

// `query` with the prior added at `strength`; `query` itself when
// strength <= 0. REQUIRES: an index of schema version 4 or later (the
// score slot); older ones are refused when opened.
Xapian::Query WithProminencePrior(const Xapian::Query& query, double strength);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_PROMINENCE_PRIOR_H_
