// The query language, parsed into a tree; no index involved.
//
//   维修资金 张子珂          both (AND is the default)
//   "维修资金 改革"          an exact phrase (also “…” 「…」 『…』)
//   -停车                    exclude
//   物业 OR 业主             either (also |, 或); binds tighter than AND
//   物业 AND 业主            both, written out (also &&, 与)
//   物业 NOT 停车            exclude, written out (also 非); AND, OR, NOT,
//                            NEAR in any case; 与/或/非 only standing alone
//                            between spaces, so 参与 or 非遗 stay words
//   维修资金 NEAR/20 追缴    both, at most 20 characters apart (NEAR: 10)
//   "维修资金 追缴"~20       the same, Lucene's way
//   2026-06-01..2026-06-30   a date or range standing alone is 日期: (a day
//                            or month, or a range; not a bare year, which
//                            is often a number in the text)
//   (物业 OR 业主) 维修      grouping (also full-width （）)
//   记者:张子珂              a field: any name or alias of the field table
//                            (corpus/fields.h), Chinese or English; the colon
//                            may be full-width
//   栏目:"学习辅导百问"      a quoted field value
//   日期:2026-06..2026-06-15 dates and ranges (see date_range.h)
//
// Pure functions; thread-safe.
#ifndef BAOKU_SEARCH_QUERY_PARSER_H_
#define BAOKU_SEARCH_QUERY_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/fields.h"
#include "baoku/corpus/result.h"

namespace baoku::search {

// A malformed query or parameter: the project's one problem type, with the
// parameter ("q", "limit", "reporter", ...), the code point offset into its
// value and a Chinese message for the editor who typed the query.
using QueryError = corpus::Diagnostic;

struct QueryNode {
  enum class Kind {
    kText,    // Words as typed: every part must occur as written.
    kPhrase,  // Quoted: the whole text in sequence.
    kField,   // field:value.
    kAnd,
    kOr,
    kNear,  // children (kText/kPhrase) within `distance` characters.
  };
  Kind kind = Kind::kText;
  bool negated = false;  // -x
  std::string text;      // kText, kPhrase: the words; kField: the value.
  const corpus::FieldSpec* field = nullptr;  // kField; a row of the table.
  size_t offset = 0;                // Code points from the start of the query.
  std::vector<QueryNode> children;  // kAnd, kOr, kNear.
  size_t distance = 0;              // kNear: characters allowed between.
};

// NEAR without a number; the largest number accepted.
inline constexpr size_t kDefaultNearDistance = 10;
inline constexpr size_t kMaxNearDistance = 200;

// The root is a kAnd node, without children for an empty query.
using ParsedQuery = corpus::Result<QueryNode>;

inline constexpr size_t kMaxQueryChars = 1000;

// Parses `text`. Errors: invalid UTF-8, longer than kMaxQueryChars, an
// unclosed ASCII quote, a field without a value, OR/AND/NEAR without a query
// on both sides, NOT or a '-' on nothing, NEAR on something other than words
// or a phrase, a NEAR distance above kMaxNearDistance. Text pasted from
// articles stays searchable: a typographic quote or a parenthesis without its
// partner is punctuation. Field names are those of `fields`, which must outlive
// the result.
ParsedQuery ParseQuery(
    std::string_view text,
    const corpus::FieldTable& fields = corpus::FieldTable::Standard());

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_QUERY_PARSER_H_
