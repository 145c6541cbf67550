#include "newest_revision.h"

#include <catch2/catch.hpp>

namespace baoku::search {
namespace {

TEST_CASE("A read is tried again when a commit changes its revision",
          "[searcher]") {
  int calls = 0;
  SECTION("a discarded revision") {
    int got = OnNewestRevision([&] {
      if (++calls < 3) throw Xapian::DatabaseModifiedError("discarded");
      return 7;
    });
    CHECK(got == 7);
    CHECK(calls == 3);
  }
  SECTION("a revision being overwritten as it is read") {
    int got = OnNewestRevision([&] {
      if (++calls < 3) {
        throw Xapian::DatabaseCorruptError(
            "Expected block 53 to be level 1, not 0");
      }
      return 7;
    });
    CHECK(got == 7);
    CHECK(calls == 3);
  }
  SECTION("a lasting error is reported after the last attempt") {
    CHECK_THROWS_AS(OnNewestRevision(
                        [&]() -> int {
                          ++calls;
                          throw Xapian::DatabaseCorruptError("bad block");
                        },
                        4),
                    Xapian::DatabaseCorruptError);
    CHECK(calls == 4);
  }
}

}  // namespace
}  // namespace baoku::search
