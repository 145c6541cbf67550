// Links between correction notices and the articles they correct, found
// through the index (corpus/correction.h reads what a notice names).
//
// A notice is found from the article it corrects among the notices
// (kind "correction") printed in the kCorrectionWindowDays after the
// article; the article from a notice among the articles of the day (and
// page) the notice names. Both read at most kMaxListed candidates.
//
// Free functions over a Searcher; as thread-safe as the Searcher.
#ifndef BAOKU_SEARCH_CORRECTIONS_H_
#define BAOKU_SEARCH_CORRECTIONS_H_

#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/search/searcher.h"

namespace baoku::search {

inline constexpr int kCorrectionWindowDays = 366;
inline constexpr int kMaxCorrectionCandidates = 1000;

// The notices that correct `article`, oldest first (none for a notice).
std::vector<corpus::Article> CorrectionsOf(Searcher& searcher,
                                           const corpus::TextAnalyzer& analyzer,
                                           const corpus::Article& article);

// The articles `notice` corrects, in the order it names them; empty when
// it is no notice or names nothing the index holds.
std::vector<corpus::Article> CorrectedBy(Searcher& searcher,
                                         const corpus::TextAnalyzer& analyzer,
                                         const corpus::Article& notice);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_CORRECTIONS_H_
