// An index of the reprint fixtures (reprint_fixtures.h) for the indexer and
// search tests: the report and the other story in one batch, the reprint a
// week later in a batch of its own, so that it is found in the index.
#ifndef BAOKU_TESTS_REPRINT_INDEX_H_
#define BAOKU_TESTS_REPRINT_INDEX_H_

#include <filesystem>

#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "reprint_fixtures.h"

namespace baoku::testing {

struct ReprintArticles {
  corpus::Article report = ReprintArticle(11, 2, kReport);
  corpus::Article other = ReprintArticle(11, 3, kOtherRiverStory);
  corpus::Article reprint = ReprintArticle(18, 5, kAbridgedReprint);
};

inline ReprintArticles WriteReprintIndex(indexer::IndexWriter& writer,
                                         const corpus::TextAnalyzer& analyzer) {
  ReprintArticles a;
  writer.ReplacePages({indexer::PageKey(a.report), indexer::PageKey(a.other)},
                      {a.report, a.other}, analyzer);
  writer.ReplacePages({indexer::PageKey(a.reprint)}, {a.reprint}, analyzer);
  return a;
}

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_REPRINT_INDEX_H_
