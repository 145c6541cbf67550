#include "handlers.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "baoku/corpus/utf8.h"
#include "baoku/search/result_json.h"

namespace baoku::web::internal {

HttpResponse Json(int status, const nlohmann::json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

const std::string* Param(const HttpRequest& request, const std::string& key) {
  auto it = request.params.find(key);
  return it == request.params.end() ? nullptr : &it->second;
}

bool IntParam(const HttpRequest& request, const std::string& key, int& out,
              HttpResponse& error) {
  const std::string* value = Param(request, key);
  if (!value) return true;
  int parsed = 0;
  auto [ptr, ec] =
      std::from_chars(value->data(), value->data() + value->size(), parsed);
  if (ec != std::errc() || ptr != value->data() + value->size()) {
    error = ErrorResponse(400, key, key + " 应为整数,而不是“" + *value + "”");
    return false;
  }
  out = parsed;
  return true;
}

bool RequiredParam(const HttpRequest& request, const std::string& key,
                   std::string& out, HttpResponse& error) {
  const std::string* value = Param(request, key);
  if (!value || value->find_first_not_of(" \t\r\n") == std::string::npos) {
    error = ErrorResponse(400, key, "缺少参数 " + key);
    return false;
  }
  out = *value;
  return true;
}

bool ReadSearchParams(const HttpRequest& request, search::SearchRequest& query,
                      HttpResponse& error) {
  if (const std::string* q = Param(request, "q")) query.query = *q;
  for (const auto& [key, value] : request.params) {
    // Filter parameters are the fields' English names.
    if (const auto* field = corpus::FieldTable::Standard().Find(key);
        field && field->name == key) {
      query.filters.push_back({key, value});
      if (query.filters.size() > kMaxFilters) {
        error = ErrorResponse(
            400, key,
            "筛选条件过多(最多 " + std::to_string(kMaxFilters) + " 个)");
        return false;
      }
    }
  }
  if (const std::string* sort = Param(request, "sort")) {
    auto order = search::SortOrderFromName(*sort);
    if (!order) {
      error = ErrorResponse(400, "sort",
                            "sort 应为 relevance、newest、oldest 或 print");
      return false;
    }
    query.sort = *order;
  }
  if (const std::string* facets = Param(request, "facets")) {
    query.with_facets = *facets == "1" || *facets == "true";
  }
  // One hit per reprint group, with similar_count (search/searcher.h).
  if (const std::string* collapse = Param(request, "collapse")) {
    query.collapse_reprints = *collapse == "1" || *collapse == "true";
  }
  return IntParam(request, "offset", query.offset, error) &&
         IntParam(request, "limit", query.limit, error) &&
         IntParam(request, "facet_limit", query.facet_limit, error);
}

nlohmann::json BriefJson(const corpus::Article& a,
                         const search::TopicNames& topics) {
  nlohmann::json topic_list = nlohmann::json::array();
  for (const auto& t : a.topics) {
    topic_list.push_back({{"id", t.id}, {"name", topics.Label(t.id)}});
  }
  // The lead: the first paragraph that is not a subhead, cut for listings.
  std::string lead;
  for (const auto& p : a.paragraphs) {
    if (std::find(a.subheads.begin(), a.subheads.end(), p) ==
        a.subheads.end()) {
      lead = p;
      break;
    }
  }
  constexpr size_t kLeadChars = 80;
  if (corpus::utf8::LongerThan(lead, kLeadChars)) {
    lead =
        lead.substr(0, corpus::utf8::OffsetOfCodePoint(lead, kLeadChars)) + "…";
  }
  return {{"id", a.id},
          {"title", corpus::DisplayTitle(a)},
          {"headline", a.headline},
          {"kicker", a.kicker},
          {"column", a.column},
          {"paper", a.paper},
          {"date", a.date.ToIso()},
          {"page", a.page},
          {"section", a.section},
          {"ordinal", a.ordinal},
          {"kind", corpus::KindName(a.kind)},
          {"reporters", a.reporters},
          {"topics", topic_list},
          {"lead", lead}};
}

nlohmann::json BriefsJson(const std::vector<search::Hit>& hits,
                          const search::TopicNames& topics) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& hit : hits) out.push_back(BriefJson(hit.article, topics));
  return out;
}

Collected SearchAll(search::Searcher& searcher, search::SearchRequest request,
                    int max) {
  Collected out;
  request.with_snippets = false;
  request.offset = 0;
  request.limit = std::min(max, search::kMaxLimit);
  while (true) {
    search::SearchResponse page = searcher.Search(request);
    if (page.error) {
      out.error = page.error;
      return out;
    }
    if (request.with_facets) {
      out.facets = std::move(page.facets);
      request.with_facets = false;  // Counted over the whole match set once.
    }
    out.total = page.total;
    for (auto& hit : page.hits) out.hits.push_back(std::move(hit));
    int got = static_cast<int>(out.hits.size());
    if (page.hits.empty() || got >= max ||
        static_cast<uint64_t>(got) >= out.total) {
      break;
    }
    request.offset = got;
    request.limit = std::min(max - got, search::kMaxLimit);
  }
  return out;
}

HttpResponse QueryErrorResponse(const search::QueryError& error) {
  return Json(400, search::QueryErrorToJson(error));
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

// The instalment number a series prints: "7.物业服务合同…", "11．…",
// "第3期", "（三）", "…之五". nullopt when there is none.
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

}  // namespace baoku::web::internal
