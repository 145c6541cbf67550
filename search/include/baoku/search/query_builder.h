// A parsed query (query_parser.h) and structured filters → Xapian query,
// through the same analyzer and schema as the index.
//
// Free text: each white-space separated part must occur as written: a run of
// Chinese becomes a phrase of adjacent character bigrams (one character: the
// character), so any substring of an article finds it whatever a segmenter
// would make of it; Latin words and numbers are terms of their own in the
// same phrase. Ranking is BM25 over those terms, plus boosts for matches in
// the title block, for whole words (张子珂, 3.47亿) and for parts that occur
// near each other.
//
// Fields come from the field table (corpus/fields.h): exact boolean filters
// normalized as its row says (names, pages, kinds, topics, dates), except
// free-text fields (title:), matched as words within their prefix. Filters
// weigh nothing. Several values of one field: any; different fields: all.
//
// Pure functions; thread-safe.
#ifndef BAOKU_SEARCH_QUERY_BUILDER_H_
#define BAOKU_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/date_range.h"
#include "baoku/search/query_parser.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

// A structured filter, as the API's parameters give them: `reporter=张子珂`.
// Several filters of one field match any of them; different fields all.
struct FieldFilter {
  std::string field;  // A field's name (or alias) in QueryContext::fields.
  std::string value;
};

struct QueryContext {
  const corpus::TextAnalyzer& analyzer;
  const corpus::Lexicon* lexicon = nullptr;  // Whole words for ranking.
  const TopicNames* topics = nullptr;        // To resolve 主题: values.
  const corpus::FieldTable* fields = &corpus::FieldTable::Standard();
  // The index, to resolve a name (记者:, 栏目:, ...) that no article holds
  // exactly to the names containing it; nullptr: names match exactly.
  const Xapian::Database* db = nullptr;
};

// How a name typed for a name field (记者:王晓) was matched, when no
// article holds it exactly: the indexed names (normalized) that contain
// it, most used first, at most kMaxNamesUsed; or, when none does, the
// names sharing the most characters with it, to offer (是不是要找 …).
struct NameResolution {
  std::string field;  // FieldSpec::name: "reporter".
  std::string typed;  // As typed.
  std::vector<std::string> used;
  std::vector<std::string> suggestions;
};
inline constexpr size_t kMaxNamesUsed = 20;
inline constexpr size_t kMaxNameSuggestions = 5;

// A part of the query that a hit matches (or, under OR, may match), as the
// builder read it, for saying why a hit matched (match_reasons.h). Excluded
// parts (-x, NOT x) are not parts.
struct QueryPart {
  std::string parameter;  // "q", or the filter's field name.
  size_t offset = 0;      // Code points into the parameter's value.
  std::string typed;      // The words, or the field's value, as typed.
  // The field's row (in QueryContext::fields); nullptr for free text.
  const corpus::FieldSpec* field = nullptr;
  // Free text and free-text fields (标题:): the terms of its phrase, as in
  // BuiltQuery::highlight_phrases.
  std::vector<std::string> terms;
  // Other fields but dates: the values of the terms the filter takes, as
  // indexed: a name field's normalized names (the one typed, or those
  // holding it), a topic id, a page number, a kind name.
  std::vector<std::string> values;
  bool partial_name = false;       // `values` are names holding the one typed.
  std::optional<DateRange> dates;  // Date fields.
};

struct BuiltQuery {
  Xapian::Query query;
  // The phrases (runs of terms at consecutive positions) a snippet should
  // mark: those of the free text that is not excluded.
  std::vector<std::vector<std::string>> highlight_phrases;
  bool has_free_text = false;  // False: only filters (or nothing) were given.
  // True when the query (ranking boosts aside) holds a phrase of several
  // terms, so that checking a match reads positions: counting every match
  // then costs about as much as ranking them all.
  bool has_phrase = false;
  // Names resolved or not found (QueryContext::db), in query order.
  std::vector<NameResolution> names;
  // The query's parts in query order, then the filters'.
  std::vector<QueryPart> parts;
};

// An empty query with no filters matches every article. A bad query, a
// bad filter value or a query with nothing searchable is the problem,
// naming the parameter ("q" or the filter's field name) and offset.
corpus::Result<BuiltQuery> BuildQuery(const ParsedQuery& parsed,
                                      const std::vector<FieldFilter>& filters,
                                      const QueryContext& context);

// ParseQuery() then BuildQuery() without structured filters.
corpus::Result<BuiltQuery> BuildQuery(std::string_view text,
                                      const corpus::TextAnalyzer& analyzer,
                                      const corpus::Lexicon* lexicon = nullptr,
                                      const TopicNames* topics = nullptr);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_QUERY_BUILDER_H_
