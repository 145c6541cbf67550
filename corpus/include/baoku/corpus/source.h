// Where an article's copy comes from, as a category for the 来源 facet and
// filter (fields.cc): the paper's own reporting or a named agency.
//
// Pure function over what the page reader keeps (byline, dateline, the
// reader's source, reporters); thread-safe.
#ifndef BAOKU_CORPUS_SOURCE_H_
#define BAOKU_CORPUS_SOURCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"

namespace baoku::corpus {

// The categories, in the order readers see them: "本报", "新华社",
// "中新社", "人民网", "其他媒体" (据…报道 naming another outlet), "综合"
// (a round-up: 综合…报道, 本报综合, （综合）).
const std::vector<std::string_view>& SourceCategories();

// One of SourceCategories(), or "" when the article says nothing of its
// source (no byline, no dateline). Rules, first match wins:
//   综合 anywhere in the byline or dateline, or a last paragraph （综合…）;
//   an agency named in the byline, dateline or the reader's source
//   (据新华社电, 新华社北京6月10日电, 据人民网报道, 中新网 → 中新社);
//   本报 in the byline or dateline (本报讯, 本报记者) → 本报;
//   据X报道 / 据X消息 / 据X电 for any other X → 其他媒体;
//   reporters named without any agency (□记者　X, 文/X) → 本报.
std::string SourceCategory(const Article& article);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_SOURCE_H_
