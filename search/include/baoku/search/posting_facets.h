// Facet counts that do not read every match's values: a field's count of a
// value is the size of the intersection of the value's boolean term
// postings ("Knews", "XPAGE3", "Y2026", "XThousing", "A张子珂") with the
// match set, which the search collects once as document ids.
//
// Reading a value slot costs about the same for every match, so the stock
// ValueCountMatchSpy (facets.h) costs the number of matches times the
// fields; a posting list is decoded in compressed chunks, and a term whose
// postings outnumber the matches is skipped through (skip_to) instead of
// read. PlanFacets() picks, field by field, the cheaper of the two by the
// cost model below; either way the counts are exact, and both work on
// local, sharded and remote databases (posting lists and document ids are
// what xapian-tcpsrv serves; it knows no custom match spies).
//
// The date histogram comes from the year terms (Y2026), then, when every
// match lies in one year, its month terms (M202606), then, within one
// month, its day terms (D20260611): never more than a few dozen lists.
//
// Functions here are used by one search on one thread; the database is
// not modified.
#ifndef BAOKU_SEARCH_POSTING_FACETS_H_
#define BAOKU_SEARCH_POSTING_FACETS_H_

#include <xapian.h>

#include <vector>

#include "baoku/corpus/fields.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/facets.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

// The cost model, in units of one posting decoded while reading a list
// through: what reading one match's value slot costs (measured 4.8 by
// `baoku-bench-facets`, bench/search, docs/BENCHMARKS.md "Facets from
// postings", on 22,186 articles: its `value_read_cost`), and what one
// skip_to on a long list costs (not measured apart: an estimate).
inline constexpr double kValueReadCost = 4.8;
inline constexpr double kSkipCost = 3.0;

// Which counts come from postings; the rest from value spies.
struct FacetPlan {
  std::vector<const corpus::FieldSpec*> by_postings;
  std::vector<const corpus::FieldSpec*> by_values;
  bool dates_by_postings = false;
  // Whether the search must collect the match set's document ids.
  bool NeedsDocids() const { return dates_by_postings || !by_postings.empty(); }
};

// The plan for a match set of about `matches` documents: kValues puts
// every facet on the spies (the stock way, the floor for benchmarks),
// kPostings every facet on postings (tests, benchmarks), kAuto each field
// on the cheaper by the cost model, judged from the term frequencies of
// the field's terms. `fields` must outlive the plan.
FacetPlan PlanFacets(const Xapian::Database& db,
                     const corpus::FieldTable& fields, Xapian::doccount matches,
                     FacetMethod method);

// Collects the ids of the matches an Enquire checks, so that the counting
// pass can ask for no hits and still stop at its time limit (an MSet of
// every match cannot stop early). Local databases only: xapian-tcpsrv
// knows no custom spies; remote shards give the ids by an MSet instead.
class MatchIds : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double) override {
    ids_.push_back(doc.get_docid());
  }
  // In ascending order (a match is checked in id order; sorted to be sure).
  std::vector<Xapian::docid> Take();

 private:
  std::vector<Xapian::docid> ids_;
};

// Fills `facets` (fields of plan.by_postings, and the dates if
// plan.dates_by_postings) with the counts over `matches`, document ids of
// `db` in ascending order. Lists are ordered as FacetCounter::Collect()
// orders them and hold at most `limit` values each. A name field's value
// and label are its name as printed in one matching article (the term
// holds the analyzer's NormalizeKey()); spellings that fold together count
// together, as the filter matches them together.
void CountFromPostings(const Xapian::Database& db,
                       const std::vector<Xapian::docid>& matches,
                       const FacetPlan& plan, const TopicNames& topics,
                       const corpus::TextAnalyzer& analyzer, int limit,
                       Facets& facets);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_POSTING_FACETS_H_
