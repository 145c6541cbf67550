// The search fields, as data: one row per field holds everything the
// indexer, the query language, the facets, baoku-search and the web UI (via
// GET /api/fields) know about it. The row plays the part of Xapian's
// QueryParser::add_boolean_prefix(): it maps names typed in queries to a
// term prefix, and says how a value is normalized, which value slot holds
// it for facets and what a reader sees as its label.
//
//   记者:张子珂  reporter:张子珂  記者:張子珂  → the boolean term "A张子珂"
//
// Combining rule (the query builder's, and the API's filter parameters):
// several values of one field match ANY of them (OR); values of different
// fields must ALL match (AND). `reporter=张子珂&reporter=宋向红&kind=news`
// is (A张子珂 OR A宋向红) AND Knews. Fields are filters and weigh nothing,
// except free-text fields (title:), which rank like words.
//
// Adding a field is one row in FieldTable::Standard() (fields.cc); the
// indexer then writes its terms, the query language and the API accept its
// names, and the UI offers it. Changing a row of the standard table changes
// what the index holds: bump schema::kSchemaVersion (schema.h) with it.
//
// A FieldTable is immutable once built and safe to share between threads.
#ifndef BAOKU_CORPUS_FIELDS_H_
#define BAOKU_CORPUS_FIELDS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"

namespace baoku::corpus {

// How a field's values become terms and filters: the normalizer.
enum class FieldValue {
  // A name (reporter, column, source): the indexed values and the value
  // typed are both TextAnalyzer::NormalizeKey()ed, so traditional,
  // full-width and simplified spellings match. Exact, not a substring.
  kName,
  // Free text within the field's prefix, matched like the words of a query
  // (a phrase of the analyzer's terms). Indexed by the document builder's
  // text indexer, not from `values`.
  kText,
  // A page number 1..999; "3", "03", "第3版" all work.
  kPage,
  // An article kind by name or alias (KindInfos()).
  kKind,
  // A day, month, year or a range of them (search/date_range.h): terms
  // schema::kDay/kMonth/kYear and the value slot schema::kDateSlot.
  kDate,
  // A topic by id or name, resolved through the taxonomy stored with the
  // index; terms hold the id.
  kTopic,
  // A reprint group (indexer/reprints.h: the id of the article that
  // started it), matched as it is on the value slot kReprintGroupSlot
  // (near_duplicate.h) that the indexer fills: no term and no prefix.
  kReprintGroup,
};

struct FieldSpec {
  // English, lower case: the name in queries and the API's parameter
  // ("reporter=张子珂"), also its key in GET /api/fields.
  std::string name;
  // Other names accepted in queries: Chinese (simplified and traditional)
  // and other English words. ASCII names match in any case.
  std::vector<std::string> aliases;
  // Term prefix (schema.h lists the prefixes in use); empty only for
  // kReprintGroup.
  std::string prefix;
  FieldValue value = FieldValue::kName;
  // Chinese, for readers: filter chips, facet headings, form labels.
  std::string label;
  // A typical value, for error messages and input placeholders.
  std::string example;
  // The value slot whose counts are this field's facet (the value as
  // displayed; lists joined by schema::kListSeparator); nullopt: no facet.
  std::optional<unsigned> facet_slot;
  // The facet's key in search results ("reporters"); empty without a facet.
  std::string facet_key;
  // What an article holds for this field, before normalization. Unset for
  // kText and kDate fields, which the document builder fills itself, and
  // kReprintGroup, which the indexer's grouping fills.
  std::function<std::vector<std::string>(const Article&)> values;
};

class FieldTable {
 public:
  FieldTable() = default;

  // The project's fields: reporter, photographer, correspondent, column,
  // title, topic, page, section, kind, source, date, paper, prominence,
  // group.
  static const FieldTable& Standard();

  // Adds a field at the end. Throws std::invalid_argument when the name or
  // an alias is already taken, or a required part is missing (a mistake in
  // the table, found when the table is built).
  void Add(FieldSpec spec);

  // The field with this name or alias (ASCII letters in any case), or
  // nullptr.
  const FieldSpec* Find(std::string_view name) const;

  // In the order added.
  const std::vector<FieldSpec>& fields() const { return fields_; }

 private:
  std::vector<FieldSpec> fields_;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_FIELDS_H_
