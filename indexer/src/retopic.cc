#include "baoku/indexer/retopic.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/near_duplicate.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "page_state.h"

namespace baoku::indexer {
namespace schema = corpus::schema;

RetopicSummary RetopicIndex(const std::filesystem::path& db,
                            const corpus::Taxonomy& taxonomy,
                            const RetopicOptions& options) {
  auto start = std::chrono::steady_clock::now();
  auto report = [&](const corpus::Diagnostic& d) {
    if (options.report) options.report(d);
  };
  RetopicSummary summary;
  corpus::TextAnalyzer analyzer;
  IndexWriter writer(db);
  corpus::Lexicon lexicon = LoadIndexLexicon(
      options.lexicon_file, writer.StoredLexiconWords(), analyzer, report);
  corpus::TopicClassifier classifier(taxonomy, analyzer);
  Xapian::WritableDatabase& database = writer.database();

  // Page keys first: the loop below rewrites postings of the page terms.
  std::vector<std::string> page_keys;
  std::string prefix(schema::kPageKey);
  for (auto it = database.allterms_begin(prefix);
       it != database.allterms_end(prefix); ++it) {
    page_keys.push_back((*it).substr(prefix.size()));
  }

  writer.BeginGroup();
  writer.StoreTopics(taxonomy.ToJson());
  size_t pending = 0;
  for (const auto& page_key : page_keys) {
    std::string term = prefix + page_key;
    std::vector<std::pair<Xapian::docid, corpus::Article>> page;
    for (auto it = database.postlist_begin(term);
         it != database.postlist_end(term); ++it) {
      auto article = StoredArticle(database.get_document(*it));
      if (!article) {
        ++summary.unreadable;
        report({db.string(), 0,
                "document " + std::to_string(*it) + " of page " + page_key +
                    ": stored record not readable (" +
                    article.problem().message + "); kept"});
        continue;
      }
      page.emplace_back(*it, std::move(*article));
    }
    // Reading order, as the batch fingerprints a page.
    std::stable_sort(page.begin(), page.end(),
                     [](const auto& a, const auto& b) {
                       return a.second.ordinal < b.second.ordinal;
                     });
    bool page_changed = false;
    for (auto& [docid, article] : page) {
      ++summary.articles;
      std::vector<corpus::ArticleTopic> before = article.topics;
      corpus::AssignTopics(article, classifier, options.overrides);
      if (article.topics == before) continue;
      Xapian::Document rebuilt = BuildDocument(article, analyzer, &lexicon);
      // The text is the same, so is its reprint signature: the document
      // stays in its group (grouping anew could move it).
      rebuilt.add_value(
          corpus::kReprintGroupSlot,
          database.get_document(docid).get_value(corpus::kReprintGroupSlot));
      database.replace_document(docid, rebuilt);
      ++summary.changed;
      ++pending;
      page_changed = true;
    }
    if (page_changed && !writer.PageFingerprint(page_key).empty()) {
      std::vector<const corpus::Article*> articles;
      for (const auto& [docid, article] : page) articles.push_back(&article);
      writer.StorePageFingerprint(page_key,
                                  PageFingerprintOf(articles, page_key));
    }
    if (pending >= std::max<size_t>(1, options.commit_articles)) {
      writer.CommitGroup();
      writer.BeginGroup();
      pending = 0;
    }
  }
  writer.CommitGroup();
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return summary;
}

}  // namespace baoku::indexer
