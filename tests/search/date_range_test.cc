#include "baoku/search/date_range.h"

#include <catch2/catch.hpp>

namespace baoku::search {
namespace {

TEST_CASE("Date filters in every written form", "[date]") {
  struct Case {
    const char* text;
    const char* first;  // "" for an open start.
    const char* last;   // "" for an open end.
  };
  const Case cases[] = {
      {"2026-06-11", "20260611", "20260611"},
      {"2026/6/11", "20260611", "20260611"},
      {"2026.6.11", "20260611", "20260611"},
      {"20260611", "20260611", "20260611"},
      {"2026年6月11日", "20260611", "20260611"},
      {"2026年6月11号", "20260611", "20260611"},
      {"2026-06", "20260601", "20260630"},
      {"2026年6月", "20260601", "20260630"},
      {"202602", "20260201", "20260228"},
      {"2024-02", "20240201", "20240229"},
      {"2026", "20260101", "20261231"},
      {"2026年", "20260101", "20261231"},
      {"2026-06-01..2026-06-30", "20260601", "20260630"},
      {"2026-06..2026-08", "20260601", "20260831"},
      {"2025..2026", "20250101", "20261231"},
      {"..2025-12-31", "", "20251231"},
      {"2026-01..", "20260101", ""},
      {"2026-06-01~2026-06-05", "20260601", "20260605"},
      {"2026年6月1日至2026年6月5日", "20260601", "20260605"},
      {" 2026-06-11 ", "20260611", "20260611"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = ParseDateRange(c.text);
    REQUIRE(parsed);
    const DateRange& r = *parsed;
    CHECK((r.from ? r.from->FirstDay() : "") == std::string(c.first));
    CHECK((r.to ? r.to->LastDay() : "") == std::string(c.last));
  }
}

TEST_CASE("Single dates keep their precision", "[date]") {
  CHECK((ParseDateRange("2026-06-11"))->from->precision == DatePrecision::kDay);
  CHECK((ParseDateRange("2026-06"))->from->precision == DatePrecision::kMonth);
  CHECK((ParseDateRange("2026"))->from->precision == DatePrecision::kYear);
  CHECK((ParseDateRange("2026"))->single);
  CHECK_FALSE((ParseDateRange("2026..2027"))->single);
}

TEST_CASE("Impossible dates are errors naming the bad part", "[date]") {
  struct Case {
    const char* text;
    const char* named;
  };
  const Case cases[] = {
      {"2026-13-45", "2026-13-45"},
      {"2026-02-29", "2026-02-29"},
      {"2026-13", "2026-13"},
      {"26-06-11", "26-06-11"},
      {"明天", "明天"},
      {"", "“”"},
      {"..", ".."},
      {"2026-06-01..昨天", "昨天"},
      {"2026--06", "2026--06"},
      {"99999999999", "99999999999"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto parsed = ParseDateRange(c.text);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.problem().message.find(c.named) != std::string::npos);
    CHECK(parsed.problem().code == "date.invalid");
  }
  auto backwards = ParseDateRange("2026-06-30..2026-06-01");
  REQUIRE_FALSE(backwards);
  CHECK(backwards.problem().message.find("起点晚于终点") != std::string::npos);
}

}  // namespace
}  // namespace baoku::search
