#include "baoku/search/date_range.h"

#include <cstdio>
#include <vector>

#include "baoku/corpus/date.h"
#include "baoku/corpus/utf8.h"

namespace baoku::search {
namespace {

std::string Compact(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

int DaysInMonth(int year, int month) {
  for (int day = 31; day > 28; --day) {
    if (corpus::IsValidDate(year, month, day)) return day;
  }
  return 28;
}

// Splits on '-', '/', '.', 年, 月, 日 into runs of ASCII digits; anything
// else makes the text invalid.
std::optional<std::vector<std::string>> DigitRuns(std::string_view text) {
  std::vector<std::string> runs;
  std::string run;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = corpus::utf8::Next(text, pos);
    if (c >= U'0' && c <= U'9') {
      run += static_cast<char>(c);
    } else if (c == U'-' || c == U'/' || c == U'.' || c == U'年' ||
               c == U'月' || c == U'日' || c == U'号') {
      if (run.empty()) return std::nullopt;
      runs.push_back(std::move(run));
      run.clear();
    } else {
      return std::nullopt;
    }
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

std::optional<DatePoint> ParsePoint(std::string_view text) {
  auto runs = DigitRuns(text);
  if (!runs || runs->empty() || runs->size() > 3) return std::nullopt;
  for (const auto& r : *runs) {
    if (r.size() > 8) return std::nullopt;
  }
  DatePoint point;
  if (runs->size() == 1 && (*runs)[0].size() == 8) {  // 20260611
    const std::string& r = (*runs)[0];
    runs = std::vector<std::string>{r.substr(0, 4), r.substr(4, 2),
                                    r.substr(6, 2)};
  } else if (runs->size() == 1 && (*runs)[0].size() == 6) {  // 202606
    const std::string& r = (*runs)[0];
    runs = std::vector<std::string>{r.substr(0, 4), r.substr(4, 2)};
  }
  if ((*runs)[0].size() != 4) return std::nullopt;
  point.year = std::stoi((*runs)[0]);
  if (runs->size() >= 2) {
    if ((*runs)[1].size() > 2) return std::nullopt;
    point.month = std::stoi((*runs)[1]);
  }
  if (runs->size() == 3) {
    if ((*runs)[2].size() > 2) return std::nullopt;
    point.day = std::stoi((*runs)[2]);
  }
  point.precision = runs->size() == 3   ? DatePrecision::kDay
                    : runs->size() == 2 ? DatePrecision::kMonth
                                        : DatePrecision::kYear;
  bool valid =
      corpus::IsValidDate(point.year, point.month == 0 ? 1 : point.month,
                          point.day == 0 ? 1 : point.day);
  if (!valid) return std::nullopt;
  return point;
}

// The separator of a range and its length in bytes, or npos.
std::pair<size_t, size_t> FindRangeSeparator(std::string_view text) {
  for (std::string_view sep : {"..", "~", "～", "至"}) {
    if (size_t at = text.find(sep); at != std::string_view::npos) {
      return {at, sep.size()};
    }
  }
  return {std::string_view::npos, 0};
}

}  // namespace

std::string DatePoint::FirstDay() const {
  return Compact(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
}

std::string DatePoint::LastDay() const {
  int m = month == 0 ? 12 : month;
  return Compact(year, m, day == 0 ? DaysInMonth(year, m) : day);
}

corpus::Result<DateRange> ParseDateRange(std::string_view text) {
  text = corpus::utf8::Trim(text);
  auto bad = [&](std::string_view part) {
    return corpus::Diagnostic::InParameter(
        "date", 0,
        "日期“" + std::string(part) +
            "”无效：请写成 2026-06-11、2026-06、2026 或 "
            "2026-06-01..2026-06-30 这样的形式",
        "date.invalid");
  };
  if (text.empty()) return bad(text);
  DateRange range;
  auto [at, sep_size] = FindRangeSeparator(text);
  if (at == std::string_view::npos) {
    auto point = ParsePoint(text);
    if (!point) return bad(text);
    range.from = range.to = point;
    range.single = true;
  } else {
    std::string_view left = corpus::utf8::Trim(text.substr(0, at));
    std::string_view right = corpus::utf8::Trim(text.substr(at + sep_size));
    if (left.empty() && right.empty()) return bad(text);
    if (!left.empty()) {
      range.from = ParsePoint(left);
      if (!range.from) return bad(left);
    }
    if (!right.empty()) {
      range.to = ParsePoint(right);
      if (!range.to) return bad(right);
    }
    if (range.from && range.to &&
        range.from->FirstDay() > range.to->LastDay()) {
      return corpus::Diagnostic::InParameter(
          "date", 0, "日期范围“" + std::string(text) + "”的起点晚于终点",
          "date.backwards");
    }
  }
  return range;
}

}  // namespace baoku::search
