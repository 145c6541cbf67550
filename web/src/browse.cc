// Browsing handlers: topics, reporters, columns, the calendar of issues,
// "on this day" and name suggestions. They are built from Search() with
// filters and the facet counts over its matches, so they need nothing from
// the index beyond what a search reads.
#include "baoku/search/browse.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "baoku/corpus/utf8.h"
#include "baoku/search/date_range.h"
#include "baoku/search/index_reader.h"
#include "baoku/search/result_json.h"
#include "baoku/search/searcher.h"
#include "baoku/web/api.h"
#include "handlers.h"

namespace baoku::web {
namespace {

using internal::Json;
using internal::Param;
using search::CanonicalName;
using search::IsoDay;
using search::IsoMonth;

nlohmann::json ValuesJson(const std::vector<search::FacetValue>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values) {
    if (v.value.empty()) continue;  // Articles without a column, say.
    out.push_back(search::ValueToJson(v));
  }
  return out;
}

// Counts per year from a date histogram of any granularity, as list
// entries whose value is a date filter ("2026").
nlohmann::json YearsJson(const search::Facets& facets) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& y : search::YearsOf(facets)) {
    std::string year = std::to_string(y.year);
    out.push_back(
        search::ValueToJson({year, search::DateKeyLabel(year), y.count}));
  }
  return out;
}

// The names of `values` (an archive-wide list) that contain `filter` as
// the analyzer normalizes text (traditional, full-width: 鄭 finds 郑可欣),
// those starting with it first; all of them when `filter` is blank.
std::vector<search::FacetValue> Filtered(
    const std::vector<search::FacetValue>& values, const std::string* filter,
    const corpus::TextAnalyzer& analyzer) {
  if (!filter || filter->find_first_not_of(" \t") == std::string::npos) {
    return values;
  }
  std::vector<search::SuggestCandidate> candidates;
  for (const auto& v : values) {
    if (!v.value.empty()) candidates.push_back({v, {v.value}});
  }
  return search::SuggestNames(candidates, *filter, values.size(), analyzer);
}

// "2026-06-11"-style day, month ("2026-06") or any precision, as the query
// language reads dates; false and a 400 naming `key` otherwise.
bool DateParam(const std::string& key, const std::string& value,
               search::DatePrecision precision, search::DatePoint& out,
               HttpResponse& error) {
  auto parsed = search::ParseDateRange(value);
  const char* want = precision == search::DatePrecision::kDay
                         ? "某一天,如 2026-06-11"
                         : "某个月,如 2026-06";
  if (!parsed || !parsed->single || !parsed->from ||
      parsed->from->precision != precision) {
    error = ErrorResponse(400, key,
                          key + " 应为" + want + ",而不是“" + value + "”");
    return false;
  }
  out = *parsed->from;
  return true;
}

}  // namespace

HttpResponse Api::Topics(const HttpRequest&) const {
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  // Counts and each topic's timeline (the date histogram of its articles)
  // are the same for every request on one revision: from the reader.
  auto summary = reader_->Summary(lease);
  auto timelines = reader_->Timelines(lease);
  std::map<std::string, uint64_t> counts;
  for (const auto& v : summary->facets.Of("topics")) counts[v.value] = v.count;
  nlohmann::json topics = nlohmann::json::array();
  for (const auto& t : searcher.topics().all()) {
    // A topic of the taxonomy that no article has is not offered.
    if (!counts.count(t.id) || counts[t.id] == 0) continue;
    nlohmann::json entry = search::ValueToJson({t.id, t.name, counts[t.id]});
    entry["name_en"] = t.name_en;
    auto timeline = timelines->find(t.id);
    entry["timeline"] = search::DatesToJson(
        timeline == timelines->end() ? search::Facets{} : timeline->second);
    topics.push_back(std::move(entry));
  }
  return Json(200, {{"topics", topics}});
}

HttpResponse Api::Topic(const HttpRequest& request) const {
  std::string name;
  HttpResponse error;
  if (!internal::RequiredParam(request, "id", name, error)) return error;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  const search::TopicNames& names = searcher.topics();
  auto id = names.Resolve(name);
  if (!id) return ErrorResponse(404, "id", "没有这个主题:" + name);
  search::SearchRequest query;
  query.filters = {{"topic", *id}};
  query.sort = search::SortOrder::kNewest;
  query.with_facets = true;
  internal::Collected all = internal::SearchAll(searcher, query, kMaxListed);
  if (all.error) return internal::QueryErrorResponse(*all.error);
  search::Facets facets = all.facets.value_or(search::Facets{});

  constexpr size_t kShown = 10;
  std::vector<search::Hit> recent(
      all.hits.begin(), all.hits.begin() + std::min(kShown, all.hits.size()));
  // Most relevant: the articles the topic scorer was surest of.
  std::vector<search::Hit> relevant =
      search::MostRelevantForTopic(all.hits, *id, kShown);

  std::string label = names.Label(*id);
  std::string name_en;
  for (const auto& t : names.all()) {
    if (t.id == *id) name_en = t.name_en;
  }
  return Json(200, {{"id", *id},
                    {"name", label},
                    {"name_en", name_en},
                    {"total", all.total},
                    {"timeline", search::DatesToJson(facets)},
                    {"years", YearsJson(facets)},
                    {"reporters", ValuesJson(facets.Of("reporters"))},
                    {"columns", ValuesJson(facets.Of("columns"))},
                    {"recent", internal::BriefsJson(recent, names)},
                    {"relevant", internal::BriefsJson(relevant, names)}});
}

HttpResponse Api::Reporters(const HttpRequest& request) const {
  search::IndexReader::Lease lease = reader_->Acquire();
  auto summary = reader_->Summary(lease);
  return Json(200, {{"reporters", ValuesJson(Filtered(
                                      summary->facets.Of("reporters"),
                                      Param(request, "filter"), analyzer_))}});
}

HttpResponse Api::Reporter(const HttpRequest& request) const {
  std::string name;
  HttpResponse error;
  if (!internal::RequiredParam(request, "name", name, error)) return error;
  search::SearchRequest query;
  query.filters = {{"reporter", name}};
  query.sort = search::SortOrder::kNewest;
  query.with_facets = true;
  query.with_snippets = false;
  query.limit = 20;
  if (!internal::IntParam(request, "offset", query.offset, error) ||
      !internal::IntParam(request, "limit", query.limit, error)) {
    return error;
  }
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  search::SearchResponse r = searcher.Search(query);
  if (r.error) return internal::QueryErrorResponse(*r.error);
  if (r.total == 0) return ErrorResponse(404, "name", "没有这位记者:" + name);
  const search::Facets& facets = *r.facets;
  std::string canonical =
      CanonicalName(facets.Of("reporters"), name, analyzer_);
  std::vector<search::FacetValue> coauthors;
  for (const auto& v : facets.Of("reporters")) {
    if (v.value != canonical) coauthors.push_back(v);
  }
  return Json(200,
              {{"name", canonical},
               {"total", r.total},
               {"offset", query.offset},
               {"limit", query.limit},
               {"years", YearsJson(facets)},
               {"timeline", search::DatesToJson(facets)},
               {"topics", ValuesJson(facets.Of("topics"))},
               {"columns", ValuesJson(facets.Of("columns"))},
               {"coauthors", ValuesJson(coauthors)},
               {"articles", internal::BriefsJson(r.hits, searcher.topics())}});
}

HttpResponse Api::Columns(const HttpRequest& request) const {
  search::IndexReader::Lease lease = reader_->Acquire();
  auto summary = reader_->Summary(lease);
  return Json(
      200,
      {{"columns", ValuesJson(Filtered(summary->facets.Of("columns"),
                                       Param(request, "filter"), analyzer_))}});
}

HttpResponse Api::Column(const HttpRequest& request) const {
  std::string name;
  HttpResponse error;
  if (!internal::RequiredParam(request, "name", name, error)) return error;
  search::SearchRequest query;
  query.filters = {{"column", name}};
  // A series runs in date order; instalments of one day in print order.
  query.sort = search::SortOrder::kOldest;
  query.with_facets = true;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  internal::Collected all = internal::SearchAll(searcher, query, kMaxListed);
  if (all.error) return internal::QueryErrorResponse(*all.error);
  if (all.total == 0) return ErrorResponse(404, "name", "没有这个栏目:" + name);
  search::Facets facets = all.facets.value_or(search::Facets{});
  std::string canonical = CanonicalName(facets.Of("columns"), name, analyzer_);
  nlohmann::json instalments = nlohmann::json::array();
  for (const auto& in : search::ArrangeInstalments(all.hits)) {
    nlohmann::json brief =
        internal::BriefJson(all.hits[in.hit].article, searcher.topics());
    brief["number"] = in.number ? nlohmann::json(*in.number) : nullptr;
    instalments.push_back(std::move(brief));
  }
  return Json(200, {{"name", canonical},
                    {"total", all.total},
                    {"reporters", ValuesJson(facets.Of("reporters"))},
                    {"instalments", instalments}});
}

HttpResponse Api::Calendar(const HttpRequest& request) const {
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  auto summary = reader_->Summary(lease);
  const auto& first = summary->first;
  const auto& last = summary->newest;
  search::DatePoint month;
  HttpResponse error;
  if (const std::string* m = Param(request, "month")) {
    if (!DateParam("month", *m, search::DatePrecision::kMonth, month, error)) {
      return error;
    }
  } else if (last) {
    month = {last->year, last->month, 0, search::DatePrecision::kMonth};
  } else {
    return Json(200, {{"month", nullptr}, {"days", nlohmann::json::array()}});
  }
  std::string iso = IsoMonth(month.year, month.month);
  search::SearchRequest query;
  query.filters = {{"date", iso}};
  query.limit = 1;
  query.with_snippets = false;
  query.with_facets = true;
  search::SearchResponse r = searcher.Search(query);
  if (r.error) return internal::QueryErrorResponse(*r.error);
  nlohmann::json days = nlohmann::json::array();
  if (r.facets) {
    for (const auto& b : r.facets->dates) {
      days.push_back(
          search::ValueToJson({b.key, search::DateKeyLabel(b.key), b.count}));
    }
  }
  search::CalendarMonth shown =
      search::MonthOfCalendar(month.year, month.month, first, last);
  nlohmann::json body = {{"month", iso},
                         {"total", r.total},
                         {"days", days},
                         {"first", first ? first->ToIso() : ""},
                         {"last", last ? last->ToIso() : ""}};
  // Neighbouring months only while they lie within the archive.
  body["prev"] = shown.prev ? nlohmann::json(*shown.prev) : nullptr;
  body["next"] = shown.next ? nlohmann::json(*shown.next) : nullptr;
  return Json(200, body);
}

HttpResponse Api::Issue(const HttpRequest& request) const {
  std::string value;
  HttpResponse error;
  search::DatePoint day;
  if (!internal::RequiredParam(request, "date", value, error) ||
      !DateParam("date", value, search::DatePrecision::kDay, day, error)) {
    return error;
  }
  std::string iso = IsoDay(day.year, day.month, day.day);
  search::SearchRequest query;
  query.filters = {{"date", iso}};
  query.sort = search::SortOrder::kPrint;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  internal::Collected all = internal::SearchAll(searcher, query, kMaxListed);
  if (all.error) return internal::QueryErrorResponse(*all.error);
  if (all.hits.empty()) return ErrorResponse(404, "date", iso + " 没有出版");
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& hit : all.hits) {
    const corpus::Article& a = hit.article;
    if (pages.empty() || pages.back()["page"] != a.page) {
      pages.push_back({{"page", a.page},
                       {"section", a.section},
                       {"articles", nlohmann::json::array()}});
    }
    pages.back()["articles"].push_back(
        internal::BriefJson(a, searcher.topics()));
  }
  return Json(200, {{"date", iso},
                    {"paper", all.hits.front().article.paper},
                    {"total", all.total},
                    {"pages", pages}});
}

HttpResponse Api::Page(const HttpRequest& request) const {
  std::string value;
  std::string page;
  HttpResponse error;
  search::DatePoint day;
  if (!internal::RequiredParam(request, "date", value, error) ||
      !DateParam("date", value, search::DatePrecision::kDay, day, error) ||
      !internal::RequiredParam(request, "page", page, error)) {
    return error;
  }
  std::string iso = IsoDay(day.year, day.month, day.day);
  search::SearchRequest query;
  query.filters = {{"date", iso}, {"page", page}};
  query.sort = search::SortOrder::kPrint;
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  internal::Collected all = internal::SearchAll(searcher, query, kMaxListed);
  if (all.error) return internal::QueryErrorResponse(*all.error);
  if (all.hits.empty()) {
    return ErrorResponse(404, "page", iso + " 没有第" + page + "版");
  }
  const corpus::Article& a = all.hits.front().article;
  return Json(
      200, {{"date", iso},
            {"page", a.page},
            {"section", a.section},
            {"paper", a.paper},
            {"articles", internal::BriefsJson(all.hits, searcher.topics())}});
}

HttpResponse Api::OnThisDay(const HttpRequest& request) const {
  search::DatePoint day;
  HttpResponse error;
  if (const std::string* d = Param(request, "date")) {
    if (!DateParam("date", *d, search::DatePrecision::kDay, day, error)) {
      return error;
    }
  }
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  // By default the day of the newest issue: an archive that stops some time
  // ago still shows something, whatever the server's clock says.
  if (!Param(request, "date")) {
    if (auto last = reader_->Summary(lease)->newest) {
      day = {last->year, last->month, last->day, search::DatePrecision::kDay};
    } else {
      std::time_t now = std::time(nullptr);
      std::tm local{};
      localtime_r(&now, &local);
      day = {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
             search::DatePrecision::kDay};
    }
  }
  nlohmann::json years = nlohmann::json::array();
  std::optional<corpus::Date> first = reader_->Summary(lease)->first;
  search::SearchRequest query;
  query.sort = search::SortOrder::kNewest;
  // One search: several filters of one field match any of them.
  for (auto& iso :
       search::SameDayInEarlierYears(first ? first->year : day.year, day)) {
    query.filters.push_back({"date", std::move(iso)});
  }
  if (!query.filters.empty()) {
    internal::Collected all = internal::SearchAll(searcher, query, 200);
    if (all.error) return internal::QueryErrorResponse(*all.error);
    for (const auto& hit : all.hits) {
      int year = hit.article.date.year;
      if (years.empty() || years.back()["year"] != year) {
        years.push_back(
            {{"year", year}, {"articles", nlohmann::json::array()}});
      }
      years.back()["articles"].push_back(
          internal::BriefJson(hit.article, searcher.topics()));
    }
  }
  return Json(
      200, {{"date", IsoDay(day.year, day.month, day.day)}, {"years", years}});
}

HttpResponse Api::Suggest(const HttpRequest& request) const {
  std::string field;
  std::string prefix;
  HttpResponse error;
  if (!internal::RequiredParam(request, "field", field, error) ||
      !internal::RequiredParam(request, "prefix", prefix, error)) {
    return error;
  }
  if (field != "reporter" && field != "column" && field != "topic") {
    return ErrorResponse(400, "field", "field 应为 reporter、column 或 topic");
  }
  int limit = 10;
  if (!internal::IntParam(request, "limit", limit, error)) return error;
  if (limit < 1 || limit > 50) {
    return ErrorResponse(400, "limit", "limit 应在 1 到 50 之间");
  }
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  // The archive's lists from the reader's cache: suggest runs on every
  // keystroke.
  auto summary = reader_->Summary(lease);
  const search::Facets& facets = summary->facets;
  // Candidates: the value a filter takes, what a reader sees, the names it
  // is found by, its count.
  std::vector<search::SuggestCandidate> candidates;
  if (field == "topic") {
    std::map<std::string, uint64_t> counts;
    for (const auto& v : facets.Of("topics")) counts[v.value] = v.count;
    for (const auto& t : searcher.topics().all()) {
      // Only topics some article has.
      if (counts[t.id] == 0) continue;
      candidates.push_back(
          {{t.id, t.name, counts[t.id]}, {t.name, t.name_en, t.id}});
    }
  } else {
    for (const auto& v :
         field == "reporter" ? facets.Of("reporters") : facets.Of("columns")) {
      if (!v.value.empty()) candidates.push_back({v, {v.value}});
    }
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : search::SuggestNames(
           candidates, prefix, static_cast<size_t>(limit), analyzer_)) {
    out.push_back(search::ValueToJson(v));
  }
  return Json(200,
              {{"field", field}, {"prefix", prefix}, {"suggestions", out}});
}

// Examples of the query language that find something in the archive being
// served, for the search box's hint and help: its busiest reporter, column
// and topic, its first page, newest month and day, a kind other than news,
// two words of its newest articles (found together and apart, so that
// "a b", "a OR b" and "a -b" all find something) and a phrase from a
// headline. A value the archive lacks is left out.
HttpResponse Api::Examples(const HttpRequest&) const {
  search::IndexReader::Lease lease = reader_->Acquire();
  search::Searcher& searcher = *lease;
  std::shared_ptr<const search::ArchiveSummary> summary =
      reader_->Summary(lease);
  const search::Facets& facets = summary->facets;
  nlohmann::json out = nlohmann::json::object();
  for (const char* key : {"reporters", "columns", "topics", "pages", "kinds"}) {
    for (const auto& v : facets.Of(key)) {
      if (v.value.empty() ||
          (std::string_view(key) == "kinds" &&
           v.value == corpus::KindName(corpus::ArticleKind::kNews))) {
        continue;  // No column; plain news is not worth an example.
      }
      out[key] = search::ValueToJson(v);
      break;
    }
  }
  if (auto last = summary->newest) {
    out["month"] = last->ToIso().substr(0, 7);
    out["day"] = last->ToIso();
  }
  search::SearchRequest newest;
  newest.sort = search::SortOrder::kNewest;
  newest.limit = 10;
  newest.with_snippets = false;
  std::vector<std::string> words;
  for (const auto& hit : searcher.Search(newest).hits) {
    // Words of the newest month, so that "(a OR b) 日期:<month>" finds them.
    if (out.contains("month") &&
        hit.article.date.ToIso().substr(0, 7) != out["month"]) {
      break;
    }
    // The phrase: the first whole run of three to eight Han characters in
    // a headline ("长城脚下古堡村"), never a word cut short.
    const std::string& headline = hit.article.headline;
    std::string run;
    size_t count = 0;
    auto end_run = [&] {
      if (!out.contains("phrase") && count >= 3 && count <= 8) {
        out["phrase"] = run;
      }
      run.clear();
      count = 0;
    };
    for (size_t pos = 0; pos < headline.size();) {
      char32_t c = corpus::utf8::Next(headline, pos);
      if (!corpus::utf8::IsHan(c)) {
        end_run();
        continue;
      }
      corpus::utf8::Append(run, c);
      ++count;
    }
    end_run();
    // Two words an article, from several articles: a pair of one article
    // is likely found together, and apart in the others.
    int taken = 0;
    for (const auto& k : searcher.Keywords(hit.article.id, 4)
                             .value_or(std::vector<std::string>{})) {
      if (taken < 2 && words.size() < 12 &&
          corpus::utf8::CodePointCount(k) >= 2 &&
          std::find(words.begin(), words.end(), k) == words.end()) {
        words.push_back(k);
        ++taken;
      }
    }
  }
  auto finds = [&](const std::string& q) {
    search::SearchRequest probe;
    probe.query = q;
    probe.limit = 1;
    probe.with_snippets = false;
    auto r = searcher.Search(probe);
    return !r.error && r.total > 0;
  };
  for (size_t i = 0; i < words.size() && !out.contains("words"); ++i) {
    for (size_t j = 0; j < words.size(); ++j) {
      if (i != j && finds(words[i] + " " + words[j]) &&
          finds(words[i] + " -" + words[j])) {
        out["words"] = {words[i], words[j]};
        break;
      }
    }
  }
  return Json(200, out);
}

}  // namespace baoku::web
