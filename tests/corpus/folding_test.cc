#include "baoku/corpus/folding.h"

#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

Foldings Only(bool width, bool compatibility, bool letter_case, bool variant) {
  return Foldings{width, compatibility, letter_case, variant};
}

TEST_CASE("FoldingsBetween names the stage that made two spellings meet",
          "[folding]") {
  CHECK_FALSE(FoldingsBetween("维修资金", "维修资金").Any());
  CHECK(FoldingsBetween("維修資金", "维修资金") ==
        Only(false, false, false, true));
  CHECK(FoldingsBetween("维修资金", "維修資金") ==
        Only(false, false, false, true));
  // The fold table beyond ICU's Traditional-Simplified.
  CHECK(FoldingsBetween("諮詢", "咨询") == Only(false, false, false, true));
  CHECK(FoldingsBetween("ＡＢＣ", "ABC") == Only(true, false, false, false));
  CHECK(FoldingsBetween("ＡＢＣ", "abc") == Only(true, false, true, false));
  CHECK(FoldingsBetween("２０２６", "2026") == Only(true, false, false, false));
  CHECK(FoldingsBetween("ｶ", "カ") == Only(true, false, false, false));
  CHECK(FoldingsBetween("ABC", "abc") == Only(false, false, true, false));
  CHECK(FoldingsBetween("①", "1") == Only(false, true, false, false));
}

TEST_CASE("FoldingsBetween names only what differs between the two",
          "[folding]") {
  // The full-width Ｇ is on both sides; only 資 differs.
  CHECK(FoldingsBetween("Ｇ資", "Ｇ资") == Only(false, false, false, true));
  CHECK(FoldingsBetween("５G資金", "5g资金") == Only(true, false, true, true));
  // Lengths differ (ﬁ is one code point): compared as wholes.
  CHECK(FoldingsBetween("ﬁx", "fix") == Only(false, true, false, false));
}

}  // namespace
}  // namespace baoku::corpus
