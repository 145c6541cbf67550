#include "baoku/corpus/date.h"

#include <cstdio>

namespace baoku::corpus {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int value = 0;
  for (char c : s) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::string Date::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::ToCompact() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days_in_month = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days_in_month;
}

std::optional<Date> ParseDate(std::string_view text) {
  std::string_view parts[3];
  if (text.size() == 8 && AllDigits(text)) {
    parts[0] = text.substr(0, 4);
    parts[1] = text.substr(4, 2);
    parts[2] = text.substr(6, 2);
  } else {
    size_t start = 0;
    for (int i = 0; i < 3; ++i) {
      size_t end = i < 2 ? text.find_first_of("-/.", start) : text.size();
      if (end == std::string_view::npos) return std::nullopt;
      parts[i] = text.substr(start, end - start);
      start = end + 1;
    }
  }
  if (parts[0].size() != 4 || parts[1].empty() || parts[1].size() > 2 ||
      parts[2].empty() || parts[2].size() > 2) {
    return std::nullopt;
  }
  for (auto p : parts) {
    if (!AllDigits(p)) return std::nullopt;
  }
  Date date{ToInt(parts[0]), ToInt(parts[1]), ToInt(parts[2])};
  if (!IsValidDate(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

}  // namespace baoku::corpus
