// Date filters as editors type them: a day, a month or a year, or a range
// of them, open at either end.
//
//   2026-06-11  2026/6/11  2026.6.11  20260611  2026年6月11日
//   2026-06     2026/6     2026年6月
//   2026        2026年
//   2026-06-01..2026-06-30   2026-06..2026-08   ..2025-12-31   2026-01..
//   (also "~" and "至" between the ends)
//
// Pure functions; thread-safe.
#ifndef BAOKU_SEARCH_DATE_RANGE_H_
#define BAOKU_SEARCH_DATE_RANGE_H_

#include <optional>
#include <string>
#include <string_view>

#include "baoku/corpus/result.h"

namespace baoku::search {

enum class DatePrecision { kDay, kMonth, kYear };

// A single day, month or year as typed.
struct DatePoint {
  int year = 0;
  int month = 0;  // 0 for a year.
  int day = 0;    // 0 for a month or a year.
  DatePrecision precision = DatePrecision::kDay;

  // The first and last day it covers, "YYYYMMDD".
  std::string FirstDay() const;
  std::string LastDay() const;
};

// Inclusive; an open end is nullopt.
struct DateRange {
  std::optional<DatePoint> from;
  std::optional<DatePoint> to;
  bool single = false;  // One point, no range syntax.
};

// The range, or a problem (parameter "date") whose Chinese message names the
// bad part.
corpus::Result<DateRange> ParseDateRange(std::string_view text);

}  // namespace baoku::search

#endif  // BAOKU_SEARCH_DATE_RANGE_H_
