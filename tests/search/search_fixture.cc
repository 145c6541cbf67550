#include "search_fixture.h"

#include <xapian.h>

#include <stdexcept>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/topics.h"
#include "baoku/indexer/batch.h"
#include "test_support.h"

namespace baoku::testing {

const std::filesystem::path& SamplesIndex() {
  static TempDir dir;
  static const std::filesystem::path db = [] {
    std::vector<corpus::Diagnostic> errors;
    auto files = indexer::FindPageFiles({SamplesDir()}, errors);
    // As baoku-index does by default: topics from the project taxonomy.
    auto taxonomy = corpus::Taxonomy::LoadFile(corpus::DefaultTopicsPath(),
                                               SharedAnalyzer(), errors);
    if (!taxonomy) throw std::runtime_error("cannot load the taxonomy");
    indexer::BatchOptions options;
    options.taxonomy = &*taxonomy;
    auto summary = indexer::IndexFiles(dir / "db", files, options);
    if (!errors.empty() || summary.failed_files > 0 || summary.articles == 0) {
      throw std::runtime_error("indexing the samples failed");
    }
    return dir / "db";
  }();
  return db;
}

const corpus::TextAnalyzer& SharedAnalyzer() {
  static const corpus::TextAnalyzer analyzer;
  return analyzer;
}

const std::vector<corpus::Article>& SampleArticles() {
  static const std::vector<corpus::Article> articles = [] {
    std::vector<corpus::Article> all;
    Xapian::Database db(SamplesIndex().string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      auto json = nlohmann::json::parse(db.get_document(*it).get_data());
      auto a = corpus::ArticleFromJson(json);
      if (!a) throw std::runtime_error("bad record: " + a.problem().message);
      all.push_back(std::move(*a));
    }
    return all;
  }();
  return articles;
}

}  // namespace baoku::testing
