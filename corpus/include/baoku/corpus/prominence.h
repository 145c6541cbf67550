// Prominence from the page: how a story was printed — on the front page
// (头版), as the first story of its page (头条), with a photo (有图) — and
// its length. The labels are the 版位 facet and filter (fields.cc); the
// score is what the search's prominence prior adds to relevance
// (search/prominence_prior.h).
//
// Pure functions over what the page reader keeps; thread-safe.
#ifndef BAOKU_CORPUS_PROMINENCE_H_
#define BAOKU_CORPUS_PROMINENCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "baoku/corpus/article.h"

namespace baoku::corpus {

// "头版", "头条", "有图", in the order readers see them.
const std::vector<std::string_view>& ProminenceLabels();

// Sets Article::lead_story on the lead story of each page among
// `articles` and clears it on every other article. A page is a paper, date
// and page number; `articles` may hold several pages in any order (an
// NDJSON export). The lead is the page's first article in reading order
// (lowest ordinal) that is a story: news or commentary, not the
// continuation of a story begun on another page (continued_from). Briefs,
// photos, Q&A items and correction notices are never leads; page furniture
// (headers, 第N版 lines) is no article at all. A page without a story has
// no lead.
// REQUIRES: kinds are final (correction notices marked, correction.h).
void MarkLeadStories(std::vector<Article>& articles);

// The labels of ProminenceLabels() that hold, in that order: 头版 on page
// 1, 头条 for the lead story, 有图 for a photo or a story with a photo
// credit (kind photo, or a photographer named: X 摄, 文/图, 图/X).
std::vector<std::string> ProminenceOf(const Article& article);

// Characters of text (its paragraphs) at which the length
// feature is full: a long lead story of a broadsheet page. Shorter stories
// score in proportion.
inline constexpr int kFullLengthChars = 1500;

// A score in [0, 1]: the mean of four features of equal weight — front
// page, lead story, photo (each 0 or 1) and length (min(1, characters /
// kFullLengthChars)). The search weighs it with one fitted strength
// (docs/SEARCH.md, "头版头条").
double ProminenceScore(const Article& article);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_PROMINENCE_H_
