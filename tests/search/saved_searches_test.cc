#include "baoku/search/saved_searches.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <exception>
#include <functional>
#include <thread>

#include "test_support.h"

namespace baoku::search {
namespace {

TEST_CASE("Saved searches are created, listed and deleted", "[saved]") {
  testing::TempDir dir;
  auto path = SavedSearchStore::PathBeside(dir / "archive.db");
  CHECK(path == dir / "archive.db.searches.sqlite");
  int64_t id = 0;
  {
    SavedSearchStore store(path);
    CHECK(store.SchemaVersion() == kSavedSearchesSchemaVersion);
    auto saved = store.Create(" 物业维修 ", "维修资金",
                              {{"reporter", "张子珂"}, {"source", "本报"}});
    REQUIRE(saved);
    CHECK(saved->name == "物业维修");
    CHECK(saved->created.size() == 20);
    id = saved->id;
    REQUIRE(store.Create("民宿", "民宿", {}));
  }
  // Reopened: kept, in the order saved.
  SavedSearchStore store(path);
  auto all = store.List();
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "物业维修");
  CHECK(all[0].query == "维修资金");
  CHECK(all[0].filters ==
        std::vector<SavedFilter>{{"reporter", "张子珂"}, {"source", "本报"}});
  CHECK(store.Get(id)->name == "物业维修");
  CHECK(store.Delete(id));
  CHECK_FALSE(store.Delete(id));
  CHECK_FALSE(store.Get(id));
  CHECK(store.List().size() == 1);
}

TEST_CASE("A bad or taken name is the problem", "[saved]") {
  testing::TempDir dir;
  SavedSearchStore store(dir / "s.sqlite");
  REQUIRE(store.Create("民宿", "民宿", {}));
  auto taken = store.Create("民宿", "民宿 OR 农家乐", {});
  REQUIRE_FALSE(taken);
  CHECK(taken.problem().parameter == "name");
  CHECK(taken.problem().code == "saved.name_taken");
  CHECK(store.Create("  ", "x", {}).problem().code == "saved.blank_name");
  CHECK(store.Create(std::string(101 * 3, 'a'), "x", {}).problem().code ==
        "saved.long_name");
  CHECK(store.List().size() == 1);
}

TEST_CASE("A store from a newer baoku or not a store is refused", "[saved]") {
  testing::TempDir dir;
  auto path = dir / "s.sqlite";
  { SavedSearchStore store(path); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK_THROWS_WITH(
      SavedSearchStore(path),
      Catch::Contains(path.string()) && Catch::Contains("schema version 99"));

  auto garbage = dir / "garbage.sqlite";
  testing::WriteFile(garbage, std::string(4096, 'x'));
  CHECK_THROWS_WITH(SavedSearchStore(garbage),
                    Catch::Contains(garbage.string()));
  CHECK_THROWS_AS(SavedSearchStore(dir / "missing" / "dir" / "s.sqlite"),
                  SavedSearchStoreError);
}

TEST_CASE("Two writers at once lose nothing", "[saved]") {
  testing::TempDir dir;
  auto path = dir / "s.sqlite";
  constexpr int kEach = 25;
  // A writer's failure is carried to the test's thread and reported there
  // (an exception leaving a std::thread would abort the whole run).
  std::exception_ptr failures[2];
  auto writer = [&](const char* prefix, std::exception_ptr& failure) {
    try {
      SavedSearchStore store(path);  // Each its own connection, migrating.
      for (int i = 0; i < kEach; ++i) {
        auto saved = store.Create(prefix + std::to_string(i), "q", {});
        if (!saved) throw std::runtime_error(saved.problem().message);
      }
    } catch (...) {
      failure = std::current_exception();
    }
  };
  std::thread a(writer, "甲", std::ref(failures[0]));
  std::thread b(writer, "乙", std::ref(failures[1]));
  a.join();
  b.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  CHECK(SavedSearchStore(path).List().size() == 2 * kEach);
}

}  // namespace
}  // namespace baoku::search
