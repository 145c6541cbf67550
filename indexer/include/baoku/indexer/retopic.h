// Re-assigns topics to every article of an index after the taxonomy or the
// overrides changed, without reading the pages again: each document's stored
// Article record (its data) is classified anew and, when its topics change,
// the document is rebuilt (BuildDocument) and replaced under the same docid.
//
// Page fingerprints are updated with the documents, so that a later batch
// run over unchanged pages still skips them. Changes are committed in
// groups of whole pages; a crash loses at most the uncommitted group and a
// new run completes the job. Needs the single writer lock of the database.
#ifndef BAOKU_INDEXER_RETOPIC_H_
#define BAOKU_INDEXER_RETOPIC_H_

#include <filesystem>
#include <functional>

#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/topics.h"

namespace baoku::indexer {

struct RetopicOptions {
  // The project lexicon used when documents are rebuilt; empty:
  // corpus::DefaultLexiconPath() (as IndexFiles).
  std::filesystem::path lexicon_file;
  const corpus::TopicOverrides* overrides = nullptr;  // May be null.
  // Commit after at least this many articles (whole pages).
  size_t commit_articles = 2000;
  // Warnings (lexicon problems, unreadable stored records).
  std::function<void(const corpus::Diagnostic&)> report;
};

struct RetopicSummary {
  size_t articles = 0;    // Articles read from the index.
  size_t changed = 0;     // Articles whose topics changed (rewritten).
  size_t unreadable = 0;  // Stored records that could not be read (kept).
  double seconds = 0;
};

// Throws Xapian::Error when the database cannot be opened or written.
RetopicSummary RetopicIndex(const std::filesystem::path& db,
                            const corpus::Taxonomy& taxonomy,
                            const RetopicOptions& options);

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_RETOPIC_H_
