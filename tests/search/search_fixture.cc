#include "search_fixture.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/topics.h"
#include "baoku/indexer/batch.h"
#include "test_support.h"

namespace baoku::testing {

namespace {

// Indexes every page of corpus/samples into `db`, as baoku-index does by
// default: topics from the project taxonomy.
void BuildSamplesIndex(const std::filesystem::path& db) {
  std::vector<corpus::Diagnostic> errors;
  auto files = indexer::FindPageFiles({SamplesDir()}, errors);
  auto taxonomy = corpus::Taxonomy::LoadFile(corpus::DefaultTopicsPath(),
                                             SharedAnalyzer(), errors);
  if (!taxonomy) throw std::runtime_error("cannot load the taxonomy");
  indexer::BatchOptions options;
  options.taxonomy = &*taxonomy;
  auto summary = indexer::IndexFiles(db, files, options);
  if (!errors.empty() || summary.failed_files > 0 || summary.articles == 0) {
    throw std::runtime_error("indexing the samples failed");
  }
}

}  // namespace

const std::filesystem::path& SamplesIndex() {
  static TempDir dir;
  static const std::filesystem::path db = [] {
    const std::filesystem::path own = dir / "db";
    // CTest runs each test case in a process of its own; building the index
    // in each was most of the suite's time under the sanitizers. The
    // "samples index" fixture test builds it once per run (below) and
    // every process copies it, so a test may still write into or beside
    // its own index.
    const char* shared = std::getenv(kSharedSamplesIndexVariable);
    if (shared == nullptr || *shared == '\0') {
      BuildSamplesIndex(own);
      return own;
    }
    if (!std::filesystem::exists(std::filesystem::path(shared) / "iamglass")) {
      throw std::runtime_error(std::string(kSharedSamplesIndexVariable) + "=" +
                               shared +
                               " holds no index (its fixture test failed or "
                               "did not run)");
    }
    std::filesystem::copy(shared, own,
                          std::filesystem::copy_options::recursive);
    return own;
  }();
  return db;
}

// The fixture of CTest's "<module>: samples index" test (tests/CMakeLists.txt):
// hidden from a plain run, it writes the index that SamplesIndex() copies.
TEST_CASE("Build the shared samples index", "[.samples-index]") {
  const char* out = std::getenv(kSharedSamplesIndexOutVariable);
  REQUIRE(out != nullptr);
  const std::filesystem::path target(out);
  const std::filesystem::path partial = target.string() + ".partial";
  std::filesystem::remove_all(target);
  std::filesystem::remove_all(partial);
  BuildSamplesIndex(partial);
  std::filesystem::rename(partial, target);
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
