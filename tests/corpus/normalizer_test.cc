#include "normalizer.h"

#include <catch2/catch.hpp>

#include "baoku/corpus/utf8.h"

namespace baoku::corpus::analysis {
namespace {

TEST_CASE("The normalizer folds width, case and traditional characters",
          "[normalizer]") {
  CHECK(Normalize("ＧＯＨＯＭＥ") == "gohome");
  CHECK(Normalize("維修資金") == "维修资金");
  CHECK(Normalize("諮詢") == "咨询");  // The fold table, beyond ICU.
  // OpenCC writes 詆譭 for 诋毁 (and folds 譭 back to 毁); ICU keeps 譭.
  CHECK(Normalize("詆譭") == "诋毁");
  CHECK(NormalizeCodePoint(U'A') == "a");
  CHECK(NormalizeCodePoint(U'…') == "...");
}

TEST_CASE("The normalizer maps every UTF-16 unit to its original bytes",
          "[normalizer]") {
  // 維 (3 bytes) → 维; … (3 bytes) → three units; 𠀋 (4 bytes, a surrogate
  // pair) stays; A → a.
  std::string text = "維…𠀋A";
  NormalizedText norm = NormalizeWithMap(text);
  REQUIRE(norm.text.length() == 1 + 3 + 2 + 1);
  REQUIRE(norm.orig_begin.size() == 7);
  CHECK(norm.orig_begin[0] == 0);
  CHECK(norm.orig_end[0] == 3);
  for (int i = 1; i <= 3; ++i) {
    CHECK(norm.orig_begin[i] == 3);
    CHECK(norm.orig_end[i] == 6);
  }
  CHECK(norm.orig_begin[4] == 6);
  CHECK(norm.orig_begin[5] == 6);
  CHECK(norm.orig_end[5] == 10);
  CHECK(norm.orig_begin[6] == 10);
  CHECK(norm.orig_end[6] == 11);
}

TEST_CASE("NormalizeKey leaves out white space and cuts between characters",
          "[normalizer]") {
  CHECK(NormalizeKey(" 張 子珂 ", 120) == "张子珂");
  // "a" then three-byte characters: every limit from 1 to 10 bytes.
  for (size_t limit = 1; limit <= 10; ++limit) {
    std::string key = NormalizeKey("a张子珂", limit);
    INFO(limit);
    CHECK(utf8::IsValid(key));
    CHECK(key.size() <= limit);
    CHECK(key.size() == 1 + (limit - 1) / 3 * 3);
  }
}

}  // namespace
}  // namespace baoku::corpus::analysis
