// After a batch, baoku-index tells each saved search (search/
// saved_searches.h) how many of the articles just written it matches.
#ifndef BAOKU_INDEXER_SRC_CLI_SAVED_SEARCH_COUNTS_H_
#define BAOKU_INDEXER_SRC_CLI_SAVED_SEARCH_COUNTS_H_

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace baoku::indexer::cli {

// Counts, among `written_ids` of the index at `index`, the matches of each
// search saved beside `owner` (the index the store belongs to: `index`
// itself, or the index a --rebuild replaces), or in `store` when it is not
// empty (--saved-searches). Prints a line per saved
// search to stdout (unless `quiet`) and returns them as JSON:
// [{"id", "name", "query", "filters", "new"[, "error"]}]. nullopt without
// a store (no search was ever saved). A store that cannot be read is
// printed to stderr naming the file, and `failed` is set.
std::optional<nlohmann::json> CountSavedSearches(
    const std::filesystem::path& index, const std::filesystem::path& owner,
    const std::filesystem::path& store,
    const std::vector<std::string>& written_ids, bool quiet, bool& failed);

}  // namespace baoku::indexer::cli

#endif  // BAOKU_INDEXER_SRC_CLI_SAVED_SEARCH_COUNTS_H_
