// The query language, parsed into a tree; no index involved.
//
//   维修资金 张子珂          both (AND is the default)
//   "维修资金 改革"          an exact phrase (also “…” 「…」 『…』)
//   -停车                    exclude
//   物业 OR 业主             either (also |); binds tighter than AND
//   (物业 OR 业主) 维修      grouping (also full-width （）)
//   记者:张子珂              a field: see FieldFromName() for the names, in
//                            Chinese and English; the colon may be full-width
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

namespace baoku::search {

// A malformed query or parameter: what is wrong and where (code point offset
// into the parameter's value).
struct QueryError {
  std::string parameter;  // "q", "limit", "reporter", ...
  std::string message;    // Chinese, for the editor who typed the query.
  size_t offset = 0;
};

enum class Field {
  kReporter,
  kPhotographer,
  kColumn,
  kTitle,
  kTopic,
  kPage,
  kKind,
  kSource,
  kDate,
  kPaper,  // The paper's code ("yzrb") or name ("云州日报").
};

// "记者"/"reporter", "摄影"/"photographer", "栏目"/"column", "标题"/"title",
// "主题"/"topic", "版"/"版面"/"page", "类型"/"kind", "来源"/"source",
// "日期"/"date", "报纸"/"paper"; English names in any case. nullopt for
// anything else.
std::optional<Field> FieldFromName(std::string_view name);
// The English name, which is also the API's parameter name.
std::string_view FieldName(Field field);

struct QueryNode {
  enum class Kind {
    kText,    // Words as typed: every part must occur as written.
    kPhrase,  // Quoted: the whole text in sequence.
    kField,   // field:value.
    kAnd,
    kOr,
  };
  Kind kind = Kind::kText;
  bool negated = false;  // -x
  std::string text;      // kText, kPhrase: the words; kField: the value.
  Field field = Field::kReporter;
  size_t offset = 0;                // Code points from the start of the query.
  std::vector<QueryNode> children;  // kAnd, kOr.
};

struct ParsedQuery {
  QueryNode root;  // kAnd; no children for an empty query.
  std::optional<QueryError> error;
};

inline constexpr size_t kMaxQueryChars = 1000;

// Parses `text`. Errors: invalid UTF-8, longer than kMaxQueryChars, an
// unclosed ASCII quote, a field without a value, OR without a query on both
// sides, a '-' on nothing. Text pasted from articles stays searchable: a
// typographic quote or a parenthesis without its partner is punctuation.
ParsedQuery ParseQuery(std::string_view text);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_QUERY_PARSER_H_
