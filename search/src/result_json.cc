#include "baoku/search/result_json.h"

namespace baoku::search {

nlohmann::json SearchResponseToJson(const SearchResponse& response) {
  nlohmann::json out;
  out["total"] = response.total;
  out["offset"] = response.offset;
  out["hits"] = nlohmann::json::array();
  for (const Hit& hit : response.hits) {
    const corpus::Article& a = hit.article;
    nlohmann::json h;
    h["id"] = a.id;
    h["headline"] = a.headline;
    h["title"] = corpus::DisplayTitle(a);
    h["kicker"] = a.kicker;
    h["subtitle"] = a.subtitle;
    h["column"] = a.column;
    h["date"] = a.date.ToIso();
    h["paper"] = a.paper;
    h["page"] = a.page;
    h["section"] = a.section;
    h["kind"] = corpus::KindName(a.kind);
    h["reporters"] = a.reporters;
    h["photographers"] = a.photographers;
    h["score"] = hit.score;
    nlohmann::json highlights = nlohmann::json::array();
    for (const auto& span : hit.snippet.highlights) {
      highlights.push_back({span.begin, span.end});
    }
    h["snippet"] = {{"text", hit.snippet.text}, {"highlights", highlights}};
    out["hits"].push_back(std::move(h));
  }
  return out;
}

nlohmann::json QueryErrorToJson(const QueryError& error) {
  return {{"error",
           {{"parameter", error.parameter},
            {"message", error.message},
            {"offset", error.offset}}}};
}

}  // namespace baoku::search
