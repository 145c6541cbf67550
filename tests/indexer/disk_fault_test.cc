// baoku-index when the disk fails under it: a full disk and a read-only
// index folder give a clear error naming the index, and the state committed
// before stays whole (xapian-check passes, every earlier article is found).
//
// Tests may run as root, where file modes stop no writes. A full disk is
// simulated with RLIMIT_FSIZE on the indexer (SIGXFSZ ignored, so writes
// past the limit fail with EFBIG, as they fail with ENOSPC on a full disk);
// a read-only folder with a read-only bind mount in a private mount
// namespace (root), or by removing write permission (other users).
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "test_support.h"

namespace baoku::indexer {
namespace {
namespace fs = std::filesystem;

std::string Tool() {
  return (testing::BinaryDir() / "indexer/baoku-index").string();
}

// Runs a shell command line; stderr folded into `out`.
int Shell(const std::string& command, std::string* out) {
  return testing::Run({"/bin/bash", "-c", command + " 2>&1"}, out);
}

// `issues` issues of `pages` pages, each page a few KB of our own text with
// numbers that make many distinct terms (so the index keeps growing).
void WritePages(const fs::path& dir, int first_day, int issues, int pages) {
  for (int d = 0; d < issues; ++d) {
    char date[40];  // Room for any int, which g++ checks.
    std::snprintf(date, sizeof date, "2027-%02d-%02d", 1 + (first_day + d) / 28,
                  1 + (first_day + d) % 28);
    for (int p = 1; p <= pages; ++p) {
      std::string text =
          "第" + std::to_string(p) + "版要闻综述\n\n本报记者 林书言\n\n";
      for (int i = 0; i < 60; ++i) {
        int n = (first_day + d) * 100000 + p * 1000 + i;
        text += "市政协第" + std::to_string(n) + "号提案办理进度达到" +
                std::to_string(n % 97) + "%,涉及街巷" + std::to_string(n * 7) +
                "条。\n\n";
      }
      char name[40];  // Room for any int, which g++ checks.
      std::snprintf(name, sizeof name, "%02d.txt", p);
      testing::WriteFile(dir / date / name, text);
    }
  }
}

// Article ids (Q terms) and per-date counts (D terms) of an index.
struct IndexState {
  std::set<std::string> ids;
  std::map<std::string, Xapian::doccount> per_date;
};

IndexState ReadState(const fs::path& db_path) {
  Xapian::Database db(db_path.string());
  IndexState state;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    state.ids.insert(*t);
  }
  for (auto t = db.allterms_begin("D"); t != db.allterms_end("D"); ++t) {
    state.per_date[*t] = t.get_termfreq();
  }
  return state;
}

// The index is sound, still holds everything of `before`, and each date
// it holds is whole (pages per issue: 3, one article each).
void CheckIntact(const fs::path& db, const IndexState& before) {
  std::string out;
  CHECK(testing::Run({"/usr/bin/xapian-check", db.string()}, &out) == 0);
  IndexState after = ReadState(db);
  for (const auto& id : before.ids) {
    INFO(id);
    CHECK(after.ids.count(id));
  }
  for (const auto& [day, n] : after.per_date) {
    INFO(day);
    CHECK(n == 3);
  }
}

uintmax_t LargestFile(const fs::path& dir) {
  uintmax_t largest = 0;
  for (const auto& f : fs::directory_iterator(dir)) {
    largest = std::max(largest, f.file_size());
  }
  return largest;
}

// An index of `first` issues, and `second` more issues to add to it.
struct Setup {
  Setup(int first, int second) : db(dir / "db") {
    WritePages(dir / "first", 0, first, 3);
    WritePages(dir / "second", first, second, 3);
    std::string out;
    REQUIRE(Shell(Tool() + " --quiet --db " + db.string() + " " +
                      (dir / "first").string(),
                  &out) == 0);
    before = ReadState(db);
    REQUIRE(before.ids.size() == static_cast<size_t>(first) * 3);
  }
  // The command line that adds the second batch.
  std::string AddSecond() const {
    return Tool() + " --quiet --commit-every 1 --db " + db.string() + " " +
           (dir / "second").string();
  }
  testing::TempDir dir;
  fs::path db;
  IndexState before;
};

TEST_CASE("A full disk stops the indexer with a clear error, nothing lost",
          "[indexer][fault]") {
  Setup setup(4, 40);
  const fs::path& db = setup.db;
  // Room for a little more than the largest table has now: the batch
  // fills it part way through. ulimit -f counts 1 KiB blocks in bash.
  uintmax_t limit_kib = LargestFile(db) / 1024 + 64;
  std::string out;
  int status = Shell("trap '' XFSZ; ulimit -f " + std::to_string(limit_kib) +
                         "; exec " + setup.AddSecond(),
                     &out);
  INFO(out);
  CHECK(status == 3);
  CHECK(out.find("baoku-index: error: " + db.string()) != std::string::npos);
  CHECK(out.find("File too large") != std::string::npos);
  CheckIntact(db, setup.before);
  // The disk has room again: the same batch completes.
  REQUIRE(Shell(setup.AddSecond(), &out) == 0);
  CHECK(ReadState(db).ids.size() == 12 + 120);
}

TEST_CASE("A read-only index folder is refused with a clear error",
          "[indexer][fault]") {
  Setup setup(2, 2);
  const fs::path& db = setup.db;
  std::string out;
  int status = 0;
  if (geteuid() == 0) {
    // Root writes through file modes; a read-only mount stops it.
    REQUIRE(Shell("unshare -m true", &out) == 0);
    status =
        Shell("unshare -m bash -c 'mount --bind -o ro " + db.string() + " " +
                  db.string() + " && exec " + setup.AddSecond() + "'",
              &out);
  } else {
    fs::permissions(db,
                    fs::perms::owner_write | fs::perms::group_write |
                        fs::perms::others_write,
                    fs::perm_options::remove);
    status = Shell(setup.AddSecond(), &out);
    fs::permissions(db, fs::perms::owner_write, fs::perm_options::add);
  }
  INFO(out);
  CHECK(status == 3);
  CHECK(out.find("baoku-index: error: " + db.string()) != std::string::npos);
  CHECK((out.find("Read-only file system") != std::string::npos ||
         out.find("Permission denied") != std::string::npos));
  CheckIntact(db, setup.before);
  CHECK(ReadState(db).ids == setup.before.ids);
}

}  // namespace
}  // namespace baoku::indexer
