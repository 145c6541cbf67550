#include "saved_search_counts.h"

#include <cstdio>
#include <iostream>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/search/alerts.h"
#include "baoku/search/saved_searches.h"
#include "baoku/search/searcher.h"

namespace baoku::indexer::cli {

std::optional<nlohmann::json> CountSavedSearches(
    const std::filesystem::path& index, const std::filesystem::path& owner,
    const std::filesystem::path& store,
    const std::vector<std::string>& written_ids, bool quiet, bool& failed) {
  auto store_path =
      store.empty() ? search::SavedSearchStore::PathBeside(owner) : store;
  if (!std::filesystem::exists(store_path)) return std::nullopt;
  std::vector<search::SavedSearch> saved;
  try {
    search::SavedSearchStore store(store_path);
    saved = store.List();
  } catch (const search::SavedSearchStoreError& e) {
    std::cerr << "baoku-index: " << e.what() << "\n";
    failed = true;
    return std::nullopt;
  }
  corpus::TextAnalyzer analyzer;
  search::Searcher searcher(index, analyzer);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& count : search::CountAmong(searcher, saved, written_ids)) {
    nlohmann::json filters = nlohmann::json::array();
    for (const auto& f : count.search.filters) {
      filters.push_back({{"field", f.field}, {"value", f.value}});
    }
    nlohmann::json entry = {{"id", count.search.id},
                            {"name", count.search.name},
                            {"query", count.search.query},
                            {"filters", std::move(filters)},
                            {"new", count.count}};
    if (count.error) {
      entry["error"] = count.error->ToString();
      std::cerr << "baoku-index: saved search \"" << count.search.name
                << "\" (#" << count.search.id
                << "): query no longer valid: " << count.error->ToString()
                << "\n";
    } else if (!quiet) {
      std::printf("baoku-index: saved search \"%s\" (#%lld): %llu new\n",
                  count.search.name.c_str(),
                  static_cast<long long>(count.search.id),
                  static_cast<unsigned long long>(count.count));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace baoku::indexer::cli
