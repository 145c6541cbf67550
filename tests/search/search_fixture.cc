#include "search_fixture.h"

#include <stdexcept>

#include "baoku/indexer/batch.h"
#include "test_support.h"

namespace baoku::testing {

const std::filesystem::path& SamplesIndex() {
  static TempDir dir;
  static const std::filesystem::path db = [] {
    std::vector<corpus::Diagnostic> errors;
    auto files = indexer::FindPageFiles({SamplesDir()}, errors);
    auto summary = indexer::IndexFiles(dir / "db", files, {});
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

}  // namespace baoku::testing
