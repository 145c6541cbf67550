// A query with a bonus: every article the query matches, weighed by the
// query plus, where it matches too, the bonus query:
//
//   weight(d) = weight(query, d) + weight(bonus, d)   for d matching query
//
// which is what OP_AND_MAYBE(query, bonus) means. The bonus never adds or
// removes a match. Used for the title and whole-word boosts of free text
// (query_builder.h) and the prominence prior (prominence_prior.h).
//
// Not built as OP_AND_MAYBE: Xapian 1.4.22's matcher (the version on Debian
// bookworm) can drop the best article of an AND_MAYBE once it stops early —
// once the page is full and a match has to beat its last hit. Asked for one
// hit, 公交 on the samples gave an article of weight 10.63 where the first of
// ten weighed 10.82 (tests/search/searcher_test.cc, "The first hits do not
// depend on how many are asked for"); OP_AND and OP_OR of the same terms
// rank right. The pruning acts where AND_MAYBE turns into AND, once the
// minimum weight passes its left side's maximum
// (xapian-core/matcher/andmaybepostlist.cc, AndMaybePostList::next; the
// 1.4 branch has no matcher fix after 1.4.22, up to 1.4.28); which step
// loses the article was not pinned down. No report of it was found in
// Xapian's tracker; the nearest is ticket #476 (documents skipped when OR
// decayed to AND_MAYBE, fixed in 1.0.21).
//
// Built instead as AND(query, OR(bonus, every document at weight 0)): the
// same matches and weights; the OR can only turn into AND_MAYBE(bonus,
// everything), whose right side is at every document, so nothing is skipped
// that could still enter the page. It costs one skip in the all-documents
// list per candidate (docs/BENCHMARKS.md, "AND_MAYBE and the first hits").
//
// Internal to search/. Pure function; thread-safe (builds new queries only;
// never Xapian::Query::MatchAll, a shared object).
#ifndef BAOKU_SEARCH_WEIGHT_BONUS_H_
#define BAOKU_SEARCH_WEIGHT_BONUS_H_

#include <xapian.h>

namespace baoku::search::internal {

// `query`'s matches, weighed by `query` plus `bonus` where `bonus` matches.
Xapian::Query WithBonus(const Xapian::Query& query, const Xapian::Query& bonus);

}  // namespace baoku::search::internal

#endif  // BAOKU_SEARCH_WEIGHT_BONUS_H_
