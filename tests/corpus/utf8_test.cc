#include "baoku/corpus/utf8.h"

#include <catch2/catch.hpp>

namespace baoku::corpus::utf8 {
namespace {

TEST_CASE("utf8 decoding replaces invalid and truncated sequences", "[utf8]") {
  CHECK(IsValid("维修资金 GoHome"));
  CHECK_FALSE(IsValid("\xE7\xBB"));      // Truncated 维.
  CHECK_FALSE(IsValid("\xC0\xAF"));      // Overlong '/'.
  CHECK_FALSE(IsValid("\xED\xA0\x80"));  // Surrogate.
  CHECK(IsValid("\xEF\xBF\xBD"));        // U+FFFD itself is fine.
  std::string truncated = "ab\xE7";
  size_t pos = 2;
  CHECK(Next(truncated, pos) == 0xFFFD);
  CHECK(pos == 3);
}

TEST_CASE("utf8 counts and trims code points", "[utf8]") {
  CHECK(CodePointCount("张子珂") == 3);
  CHECK(CodePointCount("𠀀a") == 2);
  CHECK(OffsetOfCodePoint("张子珂", 2) == 6);
  CHECK(Trim("\u3000 本报记者 张子珂 \t") == "本报记者 张子珂");
  CHECK(Last("沉睡”") == U'”');
  CHECK(IsHan(U'〇'));
  CHECK(IsHan(U'𠀀'));
  CHECK_FALSE(IsHan(U'。'));
  CHECK_FALSE(IsHan(U'A'));
}

}  // namespace
}  // namespace baoku::corpus::utf8
