// Correction notices (更正, 更正启事, 致歉) and what they correct.
//
// A notice names the article it corrects the way papers print it:
// "本报6月10日第2版《…》一文中，“…”应为“…”。" — the date (the
// year may be left out), the page, the headline in 《》 and the words
// that were wrong. The indexer marks notices as ArticleKind::kCorrection;
// the search links a notice and the article it corrects both ways with
// ParseCorrections() and Corrects() (search/corrections.h).
//
// Pure functions; thread-safe.
#ifndef BAOKU_CORPUS_CORRECTION_H_
#define BAOKU_CORPUS_CORRECTION_H_

#include <optional>
#include <string>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/date.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::corpus {

// What one notice names; each part may be missing.
struct CorrectionTarget {
  std::optional<Date> date;  // The issue; a year left out is inferred.
  int page = 0;              // 0: no page named.
  std::string headline;      // Inside 《》; "" when not named.
  std::string wrong;         // “X”应为“Y”: X, as printed; "" if none.
  std::string right;         // Y.

  bool operator==(const CorrectionTarget&) const = default;
};

// True for a correction notice: a headline 更正, 更正启事, 致歉 (声明),
// 更正与致歉 and the like, or a short article (under 400 characters) whose
// text says "本报…第…版《…》一文…应为…".
bool IsCorrectionNotice(const Article& article);

// Sets the kind of each of `articles` that IsCorrectionNotice() to
// ArticleKind::kCorrection: what the indexer writes and `baoku-index
// explain` shows (the page reader itself does not tell notices apart).
void MarkCorrectionNotices(std::vector<Article>& articles);

// The articles `notice` names, in the order named (a 更正启事 may name
// several); empty when it names no date, headline or quoted words. A date
// without a year takes the notice's year, or the year before when that
// would fall after the notice.
std::vector<CorrectionTarget> ParseCorrections(const Article& notice);

// True when `article` is the one `target` names: the same day and page
// where named, the headline (NormalizeKey()ed, so spelling variants match)
// within the article's title block, or holding its headline, where named;
// otherwise the wrong words found in its text. A target naming neither a
// headline nor wrong words matches nothing (a day and page alone name a
// whole page).
bool Corrects(const CorrectionTarget& target, const Article& article,
              const TextAnalyzer& analyzer);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_CORRECTION_H_
