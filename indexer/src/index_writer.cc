#include "baoku/indexer/index_writer.h"

#include <cstdlib>
#include <mutex>
#include <set>

#include "baoku/corpus/index_version.h"
#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/schema.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/reprints.h"

namespace baoku::indexer {
namespace schema = corpus::schema;
namespace {

// Xapian buffers the postings of this many new documents in memory before
// it merges them into its tables, inside a transaction too. Its default,
// 10,000, held 1.4 GB for 11,673 news articles, and the buffer's maps of
// terms cost more per document the more distinct terms they hold: a small
// buffer is both leaner and faster (docs/BENCHMARKS.md, "Xapian's flush
// threshold").
// XAPIAN_FLUSH_THRESHOLD in the environment still overrides it.
constexpr const char* kFlushThresholdDocuments = "250";

Xapian::WritableDatabase OpenWritable(const std::filesystem::path& path) {
  // Xapian 1.4 reads the threshold only from the environment, when a
  // database is opened; set once, before any writer exists.
  static std::once_flag once;
  std::call_once(once, [] {
    setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThresholdDocuments,
           /*overwrite=*/0);
  });
  return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path)
    : db_(OpenWritable(path)) {
  std::string schema_key(schema::kSchemaVersionMetadataKey);
  std::string analyzer_key(schema::kAnalyzerVersionMetadataKey);
  std::string stored_schema = db_.get_metadata(schema_key);
  // A new index (no documents, no metadata) takes this build's versions;
  // they are written with its first commit.
  bool fresh = stored_schema.empty() && db_.get_doccount() == 0 &&
               db_.metadata_keys_begin() == db_.metadata_keys_end();
  if (fresh) {
    db_.set_metadata(schema_key, corpus::SchemaVersionValue());
    db_.set_metadata(analyzer_key, corpus::AnalyzerVersionValue());
    return;
  }
  auto checked = corpus::CheckIndexVersions(path.string(), stored_schema,
                                            db_.get_metadata(analyzer_key));
  if (!checked) throw IndexVersionError(checked.problem());
}

ReplaceStats IndexWriter::ReplacePages(
    const std::vector<std::string>& page_keys,
    const std::vector<corpus::Article>& articles,
    const corpus::TextAnalyzer& analyzer, const corpus::Lexicon* lexicon) {
  // The whole lexicon the documents are built with goes with them, for
  // the search.
  if (lexicon) StoreLexiconWords(lexicon->Words());
  std::vector<std::string> ids;
  std::vector<Xapian::Document> docs;
  for (const auto& a : articles) {
    ids.push_back(a.id);
    docs.push_back(BuildDocument(a, analyzer, lexicon));
  }
  return ReplacePages(page_keys, ids, docs);
}

ReplaceStats IndexWriter::ReplacePages(
    const std::vector<std::string>& page_keys,
    const std::vector<std::string>& ids,
    const std::vector<Xapian::Document>& documents,
    const std::map<std::string, std::string>& fingerprints) {
  ReplaceStats stats;
  std::set<std::string> new_ids(ids.begin(), ids.end());

  if (!in_group_) db_.begin_transaction(/*flushed=*/true);
  try {
    // What this batch deletes (articles gone from its pages) and
    // overwrites (the old versions of its ids): no candidates for the
    // reprint groups.
    std::vector<Xapian::docid> stale;
    std::set<Xapian::docid> replaced;
    for (const auto& key : page_keys) {
      std::string term = std::string(schema::kPageKey) + key;
      for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term);
           ++it) {
        Xapian::Document doc = db_.get_document(*it);
        auto t = doc.termlist_begin();
        t.skip_to(std::string(schema::kId));
        std::string id;
        if (t != doc.termlist_end() && (*t).rfind(schema::kId, 0) == 0) {
          id = (*t).substr(schema::kId.size());
        }
        if (!new_ids.count(id)) stale.push_back(*it);
        replaced.insert(*it);
      }
    }
    for (const auto& id : ids) {
      const std::string id_term = std::string(schema::kId) + id;
      for (auto it = db_.postlist_begin(id_term);
           it != db_.postlist_end(id_term); ++it) {
        replaced.insert(*it);
      }
    }
    // A bulk build groups its documents in memory before they get here
    // (reprint_groups.h); only the others are grouped against the index.
    std::vector<Xapian::Document> docs = documents;
    AssignReprintGroups(db_, replaced, ids, docs);
    for (Xapian::docid id : stale) db_.delete_document(id);
    stats.removed += stale.size();
    for (size_t i = 0; i < ids.size(); ++i) {
      std::string id_term = std::string(schema::kId) + ids[i];
      if (db_.term_exists(id_term)) {
        ++stats.replaced;
      } else {
        ++stats.added;
      }
      db_.replace_document(id_term, docs[i]);
    }
    for (const auto& [key, fingerprint] : fingerprints) {
      StorePageFingerprint(key, fingerprint);
    }
    if (!in_group_) db_.commit_transaction();
  } catch (...) {
    db_.cancel_transaction();
    in_group_ = false;
    throw;
  }
  return stats;
}

void IndexWriter::BeginGroup() {
  if (in_group_) return;
  db_.begin_transaction(/*flushed=*/true);
  in_group_ = true;
}

void IndexWriter::CommitGroup() {
  if (!in_group_) return;
  in_group_ = false;
  db_.commit_transaction();
}

std::string IndexWriter::PageFingerprint(const std::string& page_key) const {
  return db_.get_metadata(std::string(schema::kPageFingerprintPrefix) +
                          page_key);
}

std::vector<std::string> IndexWriter::StoredLexiconWords() const {
  return corpus::Lexicon::SplitStored(
      db_.get_metadata(std::string(schema::kLexiconMetadataKey)));
}

void IndexWriter::StoreTopics(const std::string& taxonomy_json) {
  std::string key(schema::kTopicsMetadataKey);
  if (db_.get_metadata(key) != taxonomy_json) {
    db_.set_metadata(key, taxonomy_json);
  }
}

void IndexWriter::StorePageFingerprint(const std::string& page_key,
                                       const std::string& fingerprint) {
  db_.set_metadata(std::string(schema::kPageFingerprintPrefix) + page_key,
                   fingerprint);
}

void IndexWriter::StoreLexiconWords(const std::vector<std::string>& words) {
  std::vector<std::string> old = StoredLexiconWords();
  std::set<std::string> all(old.begin(), old.end());
  size_t before = all.size();
  all.insert(words.begin(), words.end());
  if (all.size() == before) return;
  std::string joined;
  for (const auto& w : all) joined += w + "\n";
  db_.set_metadata(std::string(schema::kLexiconMetadataKey), joined);
}

}  // namespace baoku::indexer
