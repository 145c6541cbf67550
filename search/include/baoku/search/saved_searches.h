// Saved searches: an editor's named queries with their filters, kept in an
// SQLite database beside the index ("archive.db" → "archive.db.searches
// .sqlite"), so that a rebuilt or swapped index keeps them.
//
// The file is created on first open and migrated by baoku: a table
// `schema_version` holds the number of migrations applied, each open
// applies the missing ones in one transaction, and a file written by a
// newer baoku (a version this one does not know) is refused. Several
// processes may use one file at once (baoku-serve's requests and
// baoku-index): the journal is WAL, a writer waits up to kBusyTimeoutMs
// for another, and each change is one transaction.
//
// No Xapian here: running a saved search is the Searcher's (alerts.h).
// A SavedSearchStore is one connection: not thread-safe, open one per
// thread or request (opening is cheap).
#ifndef BAOKU_SEARCH_SAVED_SEARCHES_H_
#define BAOKU_SEARCH_SAVED_SEARCHES_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "baoku/corpus/result.h"

struct sqlite3;

namespace baoku::search {

// A field filter as saved: `reporter=张子珂` (names as in fields.h).
struct SavedFilter {
  std::string field;
  std::string value;

  bool operator==(const SavedFilter&) const = default;
};

struct SavedSearch {
  int64_t id = 0;
  std::string name;   // Unique; 1..kMaxSavedNameChars characters.
  std::string query;  // The query language (query_parser.h); may be "".
  std::vector<SavedFilter> filters;
  std::string created;  // UTC, "2026-06-11T08:00:00Z".
};

inline constexpr size_t kMaxSavedNameChars = 100;
inline constexpr int kBusyTimeoutMs = 5000;
// The migrations this baoku knows (schema_version.version after opening).
inline constexpr int kSavedSearchesSchemaVersion = 1;

// The file cannot be opened, is not a saved-search store, was written by a
// newer baoku, or a statement failed (disk full, locked past the timeout).
// The message names the file.
class SavedSearchStoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SavedSearchStore {
 public:
  // The store that belongs to the index at `index`.
  static std::filesystem::path PathBeside(const std::filesystem::path& index);

  // Opens (creating when missing) and migrates the store at `path`. Throws
  // SavedSearchStoreError.
  explicit SavedSearchStore(const std::filesystem::path& path);
  ~SavedSearchStore();
  SavedSearchStore(const SavedSearchStore&) = delete;
  SavedSearchStore& operator=(const SavedSearchStore&) = delete;

  // Saves a new search. A blank or too long name, or a name already taken,
  // is the problem (parameter "name"); the caller checks the query first.
  // Throws SavedSearchStoreError.
  corpus::Result<SavedSearch> Create(const std::string& name,
                                     const std::string& query,
                                     const std::vector<SavedFilter>& filters);

  // Every saved search, oldest first. Throws SavedSearchStoreError.
  std::vector<SavedSearch> List();

  // The saved search with this id, or nullopt.
  std::optional<SavedSearch> Get(int64_t id);

  // False when there was none. Throws SavedSearchStoreError.
  bool Delete(int64_t id);

  // The migrations applied (kSavedSearchesSchemaVersion once opened).
  int SchemaVersion();

  const std::filesystem::path& path() const { return path_; }

 private:
  void Exec(const char* sql);
  [[noreturn]] void Fail(const std::string& what);

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_SAVED_SEARCHES_H_
