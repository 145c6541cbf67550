// The single writer of a baoku index (a Xapian database on disk).
//
// Pages are replaced whole: every document of a page key is removed or
// replaced in the same transaction that adds the page's new articles, so
// re-indexing the same input changes nothing and an article that vanished
// from a page vanishes from the index. One call commits one issue (or any
// set of pages) atomically: a concurrent reader sees all of it or none.
//
// Not thread-safe: one IndexWriter per database, used from one thread. Xapian
// itself refuses a second writer on the same database (the constructor throws).
#ifndef BAOKU_INDEXER_INDEX_WRITER_H_
#define BAOKU_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "baoku/corpus/article.h"
#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/lexicon.h"
#include "baoku/corpus/text_analyzer.h"

namespace baoku::indexer {

// The index was built by another schema or analyzer version (or before
// versions were stored) and must be rebuilt; what() names the index, both
// versions and the command that rebuilds it.
class IndexVersionError : public std::runtime_error {
 public:
  explicit IndexVersionError(corpus::Diagnostic problem)
      : std::runtime_error(problem.ToString()), problem_(std::move(problem)) {}
  const corpus::Diagnostic& problem() const { return problem_; }

 private:
  corpus::Diagnostic problem_;
};

struct ReplaceStats {
  size_t added = 0;     // Ids new to the index.
  size_t replaced = 0;  // Ids already there, document rewritten.
  size_t removed = 0;   // Ids on these pages no longer in the input.
};

class IndexWriter {
 public:
  // Opens or creates the database at `path`. A new database gets this
  // build's schema and analyzer versions (corpus/index_version.h); an
  // existing one must hold them, or IndexVersionError is thrown. Throws
  // Xapian::Error (e.g. DatabaseLockError when another writer holds it).
  explicit IndexWriter(const std::filesystem::path& path);

  // Makes the pages named by `page_keys` hold exactly `articles` (whose page
  // keys must be among them), then commits.
  ReplaceStats ReplacePages(const std::vector<std::string>& page_keys,
                            const std::vector<corpus::Article>& articles,
                            const corpus::TextAnalyzer& analyzer,
                            const corpus::Lexicon* lexicon = nullptr);

  // The same with documents already built (BuildDocument), one per id.
  // Each joins its reprint group (reprints.h) unless its group slot is
  // already set (a bulk build groups in memory, across its workers).
  // `fingerprints` (page key → fingerprint of what was read) are stored in
  // the same transaction, for PageFingerprint().
  ReplaceStats ReplacePages(
      const std::vector<std::string>& page_keys,
      const std::vector<std::string>& ids,
      const std::vector<Xapian::Document>& documents,
      const std::map<std::string, std::string>& fingerprints = {});

  // What was stored for a page by the last ReplacePages; empty if none.
  std::string PageFingerprint(const std::string& page_key) const;

  // Groups the next ReplacePages calls into one transaction, committed by
  // CommitGroup(): several whole issues become visible together. A crash
  // before CommitGroup() loses the group, never part of an issue. Far
  // fewer commits make bulk indexing much cheaper (Xapian rewrites the
  // blocks of common terms at every commit).
  void BeginGroup();
  void CommitGroup();

  // The lexicon words stored with the index (names from bylines).
  std::vector<std::string> StoredLexiconWords() const;
  // Adds words to the stored lexicon; written with the next ReplacePages.
  void StoreLexiconWords(const std::vector<std::string>& words);

  // Stores the topic taxonomy (corpus::Taxonomy::ToJson()) under
  // schema::kTopicsMetadataKey when it differs from the stored one; written
  // with the current group or the next ReplacePages.
  void StoreTopics(const std::string& taxonomy_json);

  // Sets page fingerprints outside ReplacePages (a pass that rewrote a
  // page's documents in place), in the current group.
  void StorePageFingerprint(const std::string& page_key,
                            const std::string& fingerprint);

  // The database, for passes over stored documents (e.g. RetopicIndex)
  // that rewrite them in place between BeginGroup() and CommitGroup().
  Xapian::WritableDatabase& database() { return db_; }

  Xapian::doccount DocumentCount() const { return db_.get_doccount(); }

 private:
  Xapian::WritableDatabase db_;
  bool in_group_ = false;
};

}  // namespace baoku::indexer

#endif  // BAOKU_INDEXER_INDEX_WRITER_H_
