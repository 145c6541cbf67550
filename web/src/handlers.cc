#include "handlers.h"

#include <algorithm>
#include <cctype>
#include <charconv>

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

std::string PercentEncoded(std::string_view text, std::string_view keep) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || keep.find(static_cast<char>(c)) != keep.npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string LeadParagraph(const corpus::Article& a) {
  for (const auto& p : a.paragraphs) {
    if (std::find(a.subheads.begin(), a.subheads.end(), p) ==
        a.subheads.end()) {
      return p;
    }
  }
  return {};
}

nlohmann::json BriefJson(const corpus::Article& a,
                         const search::TopicNames& topics) {
  // The lead, cut for listings.
  std::string lead = LeadParagraph(a);
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
          {"topics", search::TopicsToJson(a, topics)},
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

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

nlohmann::json ActiveFiltersJson(
    const std::vector<search::FieldFilter>& filters,
    const search::TopicNames& topics) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : filters) {
    const corpus::FieldSpec* field =
        corpus::FieldTable::Standard().Find(f.field);
    std::string label = f.value;
    if (field && field->value == corpus::FieldValue::kTopic) {
      label = topics.Label(f.value);
    } else if (field && field->value == corpus::FieldValue::kKind) {
      label = search::KindLabel(f.value);
    } else if (field && field->value == corpus::FieldValue::kPage) {
      label = "第" + f.value + "版";
    } else if (field && field->value == corpus::FieldValue::kDate) {
      label = search::DateKeyLabel(f.value);
    }
    out.push_back({{"field", field ? field->name : f.field},
                   {"value", f.value},
                   {"label", label}});
  }
  return out;
}

HttpResponse QueryErrorResponse(const search::QueryError& error) {
  return Json(400, search::QueryErrorToJson(error));
}

}  // namespace baoku::web::internal
