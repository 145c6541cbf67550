// Why a hit matched: for each part of the query (QueryPart, query_builder.h),
// where in the article it was found — the title, the text, the column, a
// byline name, a topic, the date, … — and through which form: the
// characters as typed, a traditional/variant folding (資金 found 资金), a
// full-width one (ＡＢＣ found abc), upper and lower case, a partial name
// (记者:王晓 found 王晓峰), a date range.
//
// Read from the article's stored text and fields with the analyzer, as the
// snippets are (the same phrase search), so that it costs about what a
// snippet costs: the Searcher makes them only for the hits of the page it
// returns, when SearchRequest::explain_matches asks.
//
// Pure functions; thread-safe.
#ifndef BAOKU_SEARCH_MATCH_REASONS_H_
#define BAOKU_SEARCH_MATCH_REASONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/query_builder.h"
#include "baoku/search/topic_names.h"

namespace baoku::search {

enum class MatchForm {
  kExact,    // The characters as typed.
  kVariant,  // Traditional or variant characters folded: 資 → 资.
  kWidth,    // Full- or half-width forms folded: ＡＢＣ → ABC, １ → 1.
  kCase,     // Upper and lower case folded: ABC → abc.
  kCompatibility,  // Other compatibility forms folded: ① → 1.
  kPartialName,    // A name field's value found inside a longer name.
  kAlias,          // Another name of the same value: topic:housing, 版:03.
  kDateRange,      // The article's date lies in the month, year or range.
};

// "exact", "variant", "width", "case", "compatibility", "partial_name",
// "alias", "date_range": stable names for programs.
std::string_view MatchFormName(MatchForm form);
// 原文, 繁简转换, 全角半角, 大小写, 兼容字符, 部分姓名, 同义写法, 日期范围.
std::string_view MatchFormLabel(MatchForm form);

struct MatchReason {
  std::string part;       // As typed, a field with its label: "记者:王晓".
  std::string parameter;  // "q", or the filter's field name.
  size_t offset = 0;      // Code points into the parameter's value.
  // "title" (headline, kicker, subtitle), "body" (the text), or the name
  // of the field whose value holds it: "column", "reporter",
  // "photographer", "correspondent", "topic", "date", "page", "kind", …
  std::string where;
  std::string where_label;  // 标题, 正文, or the field's label: 栏目, 记者, …
  // The article's characters at the match as printed ("资金", "王晓峰"),
  // or its value (a topic's name, the date "2026-06-11", the page "3").
  std::string printed;
  // The folds between what was typed and `printed`, in the order above;
  // kExact alone when they are the same characters.
  std::vector<MatchForm> forms;
  int count = 1;  // Occurrences in `where` printed so.
};

// At most this many different spellings of one part are named per place;
// text is read as far as the snippets' bound (kMaxMarkedBytes of the body).
inline constexpr size_t kMaxSpellingsPerPlace = 3;

// The reasons `article` matches `parts`, in the order of the parts, then of
// the places (title block, names, body). A part the article does not hold
// (an alternative of an OR that another satisfied) has none. `parts` and
// `topics` must describe the index the article came from.
std::vector<MatchReason> ExplainMatch(const corpus::Article& article,
                                      const std::vector<QueryPart>& parts,
                                      const corpus::TextAnalyzer& analyzer,
                                      const TopicNames& topics);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_MATCH_REASONS_H_
