// A calendar date of a newspaper issue.
//
// Value type; safe to copy and share between threads.
#ifndef BAOKU_CORPUS_DATE_H_
#define BAOKU_CORPUS_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace baoku::corpus {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // "2026-06-11".
  std::string ToIso() const;
  // "20260611": the form used in index terms and sortable values.
  std::string ToCompact() const;

  auto operator<=>(const Date&) const = default;
};

// True when year/month/day name a real day of the Gregorian calendar
// (years 1800..2200, leap years included).
bool IsValidDate(int year, int month, int day);

// Parses "2026-06-11", "2026/06/11", "2026.6.11" and "20260611". Returns
// nullopt for anything else or for a day that does not exist.
std::optional<Date> ParseDate(std::string_view text);

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_DATE_H_
