#include "baoku/corpus/date.h"

#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

TEST_CASE("ParseDate accepts the forms newsroom files use", "[date]") {
  struct Case {
    const char* text;
    const char* iso;  // nullptr: rejected.
  };
  const Case cases[] = {
      {"2026-06-11", "2026-06-11"},
      {"2026/06/11", "2026-06-11"},
      {"2026.6.1", "2026-06-01"},
      {"20260611", "2026-06-11"},
      {"2024-02-29", "2024-02-29"},
      {"2026-02-29", nullptr},
      {"2026-13-45", nullptr},
      {"2026-00-10", nullptr},
      {"1900-02-29", nullptr},
      {"2000-02-29", "2000-02-29"},
      {"26-06-11", nullptr},
      {"2026-06", nullptr},
      {"", nullptr},
      {"二〇二六年六月", nullptr},
      {"2026-06-11x", nullptr},
      {"2026061", nullptr},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto date = ParseDate(c.text);
    if (c.iso == nullptr) {
      CHECK_FALSE(date.has_value());
    } else {
      REQUIRE(date.has_value());
      CHECK(date->ToIso() == c.iso);
    }
  }
}

TEST_CASE("Date compact form sorts like the date", "[date]") {
  CHECK(Date{2026, 6, 11}.ToCompact() == "20260611");
  CHECK(Date{2025, 12, 31}.ToCompact() < Date{2026, 1, 1}.ToCompact());
  CHECK(Date{2025, 12, 31} < Date{2026, 1, 1});
}

}  // namespace
}  // namespace baoku::corpus
