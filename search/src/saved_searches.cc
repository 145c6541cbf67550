#include "baoku/search/saved_searches.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <iterator>
#include <nlohmann/json.hpp>
#include <thread>

#include "baoku/corpus/utf8.h"

namespace baoku::search {
namespace {

// Between two tries of the WAL switch (below).
constexpr int kJournalRetryMs = 10;

// Migration i brings the store from version i to i + 1. Append only: a
// released migration never changes.
constexpr const char* kMigrations[] = {
    // 1: the saved searches.
    "CREATE TABLE saved_search ("
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  name TEXT NOT NULL UNIQUE,"
    "  query TEXT NOT NULL,"
    "  filters TEXT NOT NULL,"  // JSON: [{"field": …, "value": …}, …]
    "  created TEXT NOT NULL)",
};
static_assert(std::size(kMigrations) ==
              static_cast<size_t>(kSavedSearchesSchemaVersion));

std::string NowUtc() {
  std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

// A prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      stmt_ = nullptr;
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() { return stmt_; }
  void Bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t value) { sqlite3_bind_int64(stmt_, i, value); }
  int Step() { return sqlite3_step(stmt_); }
  std::string Text(int column) {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    return text ? reinterpret_cast<const char*>(text) : "";
  }
  int64_t Int(int column) { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string FiltersJson(const std::vector<SavedFilter>& filters) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : filters) {
    list.push_back({{"field", f.field}, {"value", f.value}});
  }
  return list.dump();
}

std::vector<SavedFilter> FiltersFromJson(const std::string& text) {
  std::vector<SavedFilter> filters;
  auto list = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return filters;
  for (const auto& f : list) {
    if (!f.is_object() || !f.contains("field") || !f.contains("value") ||
        !f["field"].is_string() || !f["value"].is_string()) {
      continue;
    }
    filters.push_back(
        {f["field"].get<std::string>(), f["value"].get<std::string>()});
  }
  return filters;
}

corpus::Diagnostic NameProblem(const std::string& message, const char* code) {
  return corpus::Diagnostic::InParameter("name", 0, message, code);
}

}  // namespace

std::filesystem::path SavedSearchStore::PathBeside(
    const std::filesystem::path& index) {
  std::filesystem::path base = index;
  if (!base.has_filename()) base = base.parent_path();  // "archive.db/".
  return base.string() + ".searches.sqlite";
}

SavedSearchStore::SavedSearchStore(const std::filesystem::path& path)
    : path_(path) {
  int rc = sqlite3_open_v2(
      path.c_str(), &db_,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw SavedSearchStoreError("saved searches " + path.string() +
                                ": cannot open: " + message);
  }
  try {
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    // Switching a new file to WAL takes an exclusive lock, and SQLite does
    // not call the busy handler for it: a second connection opening the file
    // at that moment gets "database is locked" at once. Retried here for as
    // long as the busy timeout would wait.
    for (int waited_ms = 0;; waited_ms += kJournalRetryMs) {
      int rc = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", nullptr, nullptr,
                            nullptr);
      if (rc == SQLITE_OK) break;
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) ||
          waited_ms >= kBusyTimeoutMs) {
        Fail("switching to the WAL journal");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(kJournalRetryMs));
    }
    Exec("PRAGMA foreign_keys=ON");
    // One writer migrates; the others wait (busy timeout), then see the
    // version it wrote.
    Exec("BEGIN IMMEDIATE");
    Exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    int version = 0;
    {
      Statement read(db_, "SELECT version FROM schema_version");
      if (!read.ok()) Fail("reading the schema version");
      if (read.Step() == SQLITE_ROW) {
        version = static_cast<int>(read.Int(0));
      } else {
        Exec("INSERT INTO schema_version (version) VALUES (0)");
      }
    }
    if (version > kSavedSearchesSchemaVersion || version < 0) {
      Exec("ROLLBACK");
      throw SavedSearchStoreError(
          "saved searches " + path.string() + ": schema version " +
          std::to_string(version) + ", this baoku knows up to " +
          std::to_string(kSavedSearchesSchemaVersion) +
          " (written by a newer baoku)");
    }
    for (; version < kSavedSearchesSchemaVersion; ++version) {
      Exec(kMigrations[version]);
    }
    Statement write(db_, "UPDATE schema_version SET version = ?");
    if (!write.ok()) Fail("writing the schema version");
    write.Bind(1, static_cast<int64_t>(version));
    if (write.Step() != SQLITE_DONE) Fail("writing the schema version");
    Exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

SavedSearchStore::~SavedSearchStore() { sqlite3_close(db_); }

void SavedSearchStore::Exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw SavedSearchStoreError("saved searches " + path_.string() + ": " +
                                message + " (in: " + sql + ")");
  }
}

void SavedSearchStore::Fail(const std::string& what) {
  throw SavedSearchStoreError("saved searches " + path_.string() + ": " + what +
                              ": " + sqlite3_errmsg(db_));
}

corpus::Result<SavedSearch> SavedSearchStore::Create(
    const std::string& name, const std::string& query,
    const std::vector<SavedFilter>& filters) {
  std::string trimmed(corpus::utf8::Trim(name));
  if (trimmed.empty())
    return NameProblem("请给保存的检索起个名字", "saved.blank_name");
  if (!corpus::utf8::IsValid(trimmed) ||
      corpus::utf8::LongerThan(trimmed, kMaxSavedNameChars)) {
    return NameProblem("名字最多 " + std::to_string(kMaxSavedNameChars) + " 字",
                       "saved.long_name");
  }
  SavedSearch saved;
  saved.name = trimmed;
  saved.query = query;
  saved.filters = filters;
  saved.created = NowUtc();
  Statement insert(db_,
                   "INSERT INTO saved_search (name, query, filters, created) "
                   "VALUES (?, ?, ?, ?)");
  if (!insert.ok()) Fail("preparing the insert");
  insert.Bind(1, saved.name);
  insert.Bind(2, saved.query);
  insert.Bind(3, FiltersJson(filters));
  insert.Bind(4, saved.created);
  int rc = insert.Step();
  if (rc == SQLITE_CONSTRAINT) {
    return NameProblem("已有名为“" + saved.name + "”的检索",
                       "saved.name_taken");
  }
  if (rc != SQLITE_DONE) Fail("saving '" + saved.name + "'");
  saved.id = sqlite3_last_insert_rowid(db_);
  return saved;
}

std::vector<SavedSearch> SavedSearchStore::List() {
  Statement select(db_,
                   "SELECT id, name, query, filters, created FROM saved_search "
                   "ORDER BY id");
  if (!select.ok()) Fail("listing");
  std::vector<SavedSearch> all;
  int rc;
  while ((rc = select.Step()) == SQLITE_ROW) {
    all.push_back({select.Int(0), select.Text(1), select.Text(2),
                   FiltersFromJson(select.Text(3)), select.Text(4)});
  }
  if (rc != SQLITE_DONE) Fail("listing");
  return all;
}

std::optional<SavedSearch> SavedSearchStore::Get(int64_t id) {
  Statement select(db_,
                   "SELECT id, name, query, filters, created FROM saved_search "
                   "WHERE id = ?");
  if (!select.ok()) Fail("reading");
  select.Bind(1, id);
  int rc = select.Step();
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) Fail("reading");
  return SavedSearch{select.Int(0), select.Text(1), select.Text(2),
                     FiltersFromJson(select.Text(3)), select.Text(4)};
}

bool SavedSearchStore::Delete(int64_t id) {
  Statement remove(db_, "DELETE FROM saved_search WHERE id = ?");
  if (!remove.ok()) Fail("preparing the delete");
  remove.Bind(1, id);
  if (remove.Step() != SQLITE_DONE) Fail("deleting");
  return sqlite3_changes(db_) > 0;
}

int SavedSearchStore::SchemaVersion() {
  Statement read(db_, "SELECT version FROM schema_version");
  if (!read.ok() || read.Step() != SQLITE_ROW) Fail("reading the version");
  return static_cast<int>(read.Int(0));
}

}  // namespace baoku::search
