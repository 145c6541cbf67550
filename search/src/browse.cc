#include "baoku/search/browse.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "baoku/corpus/utf8.h"

namespace baoku::search {

std::vector<Hit> MostRelevantForTopic(std::vector<Hit> hits,
                                      const std::string& topic_id,
                                      size_t count) {
  auto score = [&](const Hit& hit) {
    for (const auto& t : hit.article.topics) {
      if (t.id == topic_id) return t.score + (t.pinned ? 1000.0 : 0.0);
    }
    return 0.0;
  };
  std::stable_sort(hits.begin(), hits.end(), [&](const Hit& a, const Hit& b) {
    return score(a) > score(b);
  });
  if (hits.size() > count) hits.resize(count);
  return hits;
}

namespace {

// A numeral: ASCII or full-width digits, or Chinese numerals up to 99
// (十二, 二十三). Reads from `pos`, advances it past the numeral.
std::optional<int> ReadNumeral(std::string_view s, size_t& pos) {
  static const std::u32string kChinese = U"〇一二三四五六七八九";
  int value = 0;
  int digits = 0;
  int tens = -1;  // Value before 十, once seen.
  size_t p = pos;
  while (p < s.size()) {
    size_t next = p;
    char32_t c = corpus::utf8::Next(s, next);
    int d = -1;
    if (c >= U'0' && c <= U'9') d = static_cast<int>(c - U'0');
    if (c >= U'０' && c <= U'９') d = static_cast<int>(c - U'０');
    if (auto k = kChinese.find(c); k != std::u32string::npos) {
      d = static_cast<int>(k);
    }
    if (c == U'十' && tens < 0 && digits <= 1) {
      tens = digits == 0 ? 1 : value;
      value = 0;
      digits = 0;
      p = next;
      continue;
    }
    if (d < 0 || digits >= 4) break;
    value = value * 10 + d;
    ++digits;
    p = next;
  }
  if (digits == 0 && tens < 0) return std::nullopt;
  pos = p;
  return tens >= 0 ? tens * 10 + value : value;
}

}  // namespace

std::optional<int> InstalmentNumber(const corpus::Article& article) {
  for (const std::string* text : {&article.headline, &article.kicker}) {
    std::string_view s = *text;
    size_t pos = 0;
    if (auto n = ReadNumeral(s, pos)) {
      for (std::string_view sep : {".", "．", "、"}) {
        if (s.substr(pos, sep.size()) == sep) return n;
      }
    }
    for (size_t at = s.find("第"); at != std::string_view::npos;
         at = s.find("第", at + 1)) {
      pos = at + std::string_view("第").size();
      auto n = ReadNumeral(s, pos);
      for (std::string_view unit : {"期", "问", "篇", "讲", "集", "回"}) {
        if (n && s.substr(pos, unit.size()) == unit) return n;
      }
    }
    for (std::string_view open : {"（", "(", "之"}) {
      size_t at = s.rfind(open);
      if (at == std::string_view::npos) continue;
      pos = at + open.size();
      auto n = ReadNumeral(s, pos);
      std::string_view rest = s.substr(pos);
      if (n && (rest.empty() || rest == "）" || rest == ")")) return n;
    }
  }
  return std::nullopt;
}

std::vector<Instalment> ArrangeInstalments(const std::vector<Hit>& hits) {
  std::vector<Instalment> out;
  bool all_numbered = true;
  for (size_t i = 0; i < hits.size(); ++i) {
    out.push_back({i, InstalmentNumber(hits[i].article)});
    all_numbered = all_numbered && out.back().number;
  }
  if (all_numbered) {
    std::stable_sort(out.begin(), out.end(),
                     [](const Instalment& a, const Instalment& b) {
                       return *a.number < *b.number;
                     });
  }
  return out;
}

std::string IsoMonth(int year, int month) {
  char buffer[40];  // Room for any int, which g++ checks.
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

std::string IsoDay(int year, int month, int day) {
  return IsoMonth(year, month) + (day < 10 ? "-0" : "-") + std::to_string(day);
}

CalendarMonth MonthOfCalendar(int year, int month,
                              const std::optional<corpus::Date>& first,
                              const std::optional<corpus::Date>& last) {
  CalendarMonth out;
  out.month = IsoMonth(year, month);
  std::string prev =
      month == 1 ? IsoMonth(year - 1, 12) : IsoMonth(year, month - 1);
  std::string next =
      month == 12 ? IsoMonth(year + 1, 1) : IsoMonth(year, month + 1);
  if (first && prev >= first->ToIso().substr(0, 7)) out.prev = prev;
  if (last && next <= last->ToIso().substr(0, 7)) out.next = next;
  return out;
}

std::vector<std::string> SameDayInEarlierYears(int first_year,
                                               const DatePoint& day) {
  std::vector<std::string> out;
  for (int y = first_year; y < day.year; ++y) {
    if (corpus::IsValidDate(y, day.month, day.day)) {
      out.push_back(IsoDay(y, day.month, day.day));
    }
  }
  return out;
}

std::vector<YearCount> YearsOf(const Facets& facets) {
  std::map<int, uint64_t> years;
  for (const auto& b : facets.dates) {
    if (b.key.size() >= 4) years[std::stoi(b.key.substr(0, 4))] += b.count;
  }
  std::vector<YearCount> out;
  for (const auto& [year, count] : years) out.push_back({year, count});
  return out;
}

std::string CanonicalName(const std::vector<FacetValue>& values,
                          const std::string& name,
                          const corpus::TextAnalyzer& analyzer) {
  std::string key = analyzer.NormalizeKey(name);
  for (const auto& v : values) {
    if (analyzer.NormalizeKey(v.value) == key) return v.value;
  }
  return name;
}

std::vector<FacetValue> SuggestNames(
    const std::vector<SuggestCandidate>& candidates, const std::string& prefix,
    size_t limit, const corpus::TextAnalyzer& analyzer) {
  std::string key = analyzer.NormalizeKey(prefix);
  std::vector<std::pair<int, const SuggestCandidate*>> matches;
  for (const auto& c : candidates) {
    int rank = 0;
    for (const auto& n : c.names) {
      std::string normalized = analyzer.NormalizeKey(n);
      if (normalized.rfind(key, 0) == 0) {
        rank = 2;
      } else if (rank == 0 && normalized.find(key) != std::string::npos) {
        rank = 1;
      }
    }
    if (rank > 0) matches.push_back({rank, &c});
  }
  std::stable_sort(matches.begin(), matches.end(),
                   [](const auto& a, const auto& b) {
                     if (a.first != b.first) return a.first > b.first;
                     return a.second->value.count > b.second->value.count;
                   });
  std::vector<FacetValue> out;
  for (const auto& [rank, c] : matches) {
    if (out.size() >= limit) break;
    out.push_back(c->value);
  }
  return out;
}

Facets ArchiveFacets(Searcher& searcher) {
  SearchRequest all;
  all.limit = 1;
  all.with_snippets = false;
  all.with_facets = true;
  all.every_facet_value = true;
  return searcher.Search(all).facets.value_or(Facets{});
}

std::optional<corpus::Date> EndDate(Searcher& searcher, bool newest) {
  SearchRequest request;
  request.limit = 1;
  request.with_snippets = false;
  request.sort = newest ? SortOrder::kNewest : SortOrder::kOldest;
  auto response = searcher.Search(request);
  if (response.hits.empty()) return std::nullopt;
  return response.hits.front().article.date;
}

}  // namespace baoku::search
