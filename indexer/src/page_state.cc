#include "page_state.h"

#include <cstdio>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/index_version.h"
#include "baoku/indexer/document_builder.h"

namespace baoku::indexer {

std::string PageFingerprintOfRecords(
    const std::vector<std::string_view>& records) {
  uint64_t hash = 1469598103934665603ull;
  auto add = [&](std::string_view bytes) {
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  };
  // The versions first: a new schema or analyzer re-indexes every page.
  add("schema " + corpus::SchemaVersionValue() + " analyzer " +
      corpus::AnalyzerVersionValue() + "\n");
  for (std::string_view record : records) add(record);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(hash));
  return buf;
}

std::string PageFingerprintOf(
    const std::vector<const corpus::Article*>& articles,
    const std::string& page_key) {
  std::vector<std::string> records;
  for (const auto* a : articles) {
    if (PageKey(*a) != page_key) continue;
    records.push_back(corpus::ArticleToJson(*a).dump());
  }
  return PageFingerprintOfRecords({records.begin(), records.end()});
}

corpus::Result<corpus::Article> StoredArticle(const Xapian::Document& doc) {
  auto json = nlohmann::json::parse(doc.get_data(), nullptr,
                                    /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return corpus::Diagnostic({}, 0, "not JSON", "record.not_json");
  }
  return corpus::ArticleFromJson(json);
}

corpus::Lexicon LoadIndexLexicon(
    const std::filesystem::path& lexicon_file,
    const std::vector<std::string>& stored_words,
    const corpus::TextAnalyzer& analyzer,
    const std::function<void(const corpus::Diagnostic&)>& report) {
  corpus::Lexicon lexicon;
  std::filesystem::path file =
      lexicon_file.empty() ? corpus::DefaultLexiconPath() : lexicon_file;
  if (!file.empty()) {
    for (const auto& problem : lexicon.LoadFile(file, analyzer)) {
      report(problem);
    }
  }
  for (const auto& word : stored_words) {
    lexicon.Add(word, analyzer);
  }
  return lexicon;
}

}  // namespace baoku::indexer
