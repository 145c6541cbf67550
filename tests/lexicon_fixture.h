// Pages for the lexicon-update tests of the indexer and the search: four
// one-article pages of two issues, written for these tests (fictional).
// Two hold kLexiconWord, one holds its characters only across a comma
// (梧桐溪,湾头村), one holds nothing of it.
#ifndef BAOKU_TESTS_LEXICON_FIXTURE_H_
#define BAOKU_TESTS_LEXICON_FIXTURE_H_

#include <set>
#include <string>

#include "test_support.h"

namespace baoku::testing {

// A fictional place name that ICU's dictionary does not hold as a word.
inline const std::string kLexiconWord = "桐溪湾";

// The ids of the two articles that hold it.
inline const std::set<std::string> kArticlesWithLexiconWord = {
    "paper-20260611-01-01", "paper-20260612-01-01"};

// Writes the pages under `dir`/in and an empty lexicon file `dir`/lexicon.txt.
inline void WriteLexiconPages(const TempDir& dir) {
  WriteFile(dir / "in/2026-06-11/01.txt",
            "桐溪湾湿地公园开园\n\n本报记者 林书言\n\n位于桐溪湾的湿地公园昨日"
            "开园,首批开放步道六公里。\n");
  WriteFile(dir / "in/2026-06-11/02.txt",
            "老街夜市重新开张\n\n本报记者 周远帆\n\n东关区老街夜市重新开张,"
            "摊位一百二十个。\n");
  WriteFile(dir / "in/2026-06-12/01.txt",
            "渡口码头改造完工\n\n本报记者 林书言\n\n桐溪湾渡口码头改造完工,"
            "往来船只恢复通航。\n");
  WriteFile(dir / "in/2026-06-12/02.txt",
            "沿河步道全线贯通\n\n本报记者 周远帆\n\n新步道从梧桐溪,湾头村一直"
            "通到河口。\n");
  WriteFile(dir / "lexicon.txt", "# no words\n");
}

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_LEXICON_FIXTURE_H_
