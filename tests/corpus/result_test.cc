#include "baoku/corpus/result.h"

#include <catch2/catch.hpp>
#include <string>

namespace baoku::corpus {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) {
    return Diagnostic::InParameter("n", 0, std::to_string(n) + " 是奇数",
                                   "test.odd");
  }
  return n / 2;
}

TEST_CASE("A Result holds a value or the problem", "[result]") {
  auto ok = Half(8);
  REQUIRE(ok);
  CHECK(*ok == 4);
  CHECK_FALSE(ok.ProblemOrNone());
  auto bad = Half(3);
  REQUIRE_FALSE(bad);
  CHECK(bad.problem().code == "test.odd");
  CHECK(bad.problem().ToString() == "n: 3 是奇数");
  CHECK_THROWS(bad.value());

  Result<void> done;
  CHECK(done);
  Result<void> failed = Diagnostic("a.txt", 3, "bad line");
  REQUIRE_FALSE(failed);
  CHECK(failed.problem().ToString() == "a.txt:3: bad line");
}

}  // namespace
}  // namespace baoku::corpus
