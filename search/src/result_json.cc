#include "baoku/search/result_json.h"

namespace baoku::search {
namespace {

nlohmann::json SnippetToJson(const Snippet& snippet) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& span : snippet.highlights) {
    highlights.push_back({span.begin, span.end});
  }
  return {{"text", snippet.text}, {"highlights", highlights}};
}

nlohmann::json ValuesToJson(const std::vector<FacetValue>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values) {
    out.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
  }
  return out;
}

}  // namespace

nlohmann::json TopicsToJson(const corpus::Article& article,
                            const TopicNames& topics) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& topic : article.topics) {
    out.push_back({{"id", topic.id},
                   {"name", topics.Label(topic.id)},
                   {"score", topic.score}});
  }
  return out;
}

nlohmann::json HitToJson(const Hit& hit, const TopicNames& topics) {
  const corpus::Article& a = hit.article;
  nlohmann::json h;
  h["id"] = a.id;
  h["title"] = SnippetToJson(hit.title);
  h["headline"] = a.headline;
  h["kicker"] = a.kicker;
  h["subtitle"] = a.subtitle;
  h["column"] = a.column;
  h["paper"] = a.paper;
  h["date"] = a.date.ToIso();
  h["page"] = a.page;
  h["section"] = a.section;
  h["ordinal"] = a.ordinal;
  h["kind"] = corpus::KindName(a.kind);
  h["reporters"] = a.reporters;
  h["photographers"] = a.photographers;
  h["topics"] = TopicsToJson(a, topics);
  h["score"] = hit.score;
  h["similar_count"] = hit.similar_count;
  h["group"] = hit.reprint_group;
  h["snippet"] = SnippetToJson(hit.snippet);
  return h;
}

nlohmann::json FacetsToJson(const Facets& facets) {
  nlohmann::json buckets = nlohmann::json::array();
  for (const auto& b : facets.dates) {
    buckets.push_back({{"key", b.key}, {"count", b.count}});
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, values] : facets.fields) {
    out[key] = ValuesToJson(values);
  }
  out["dates"] = {{"granularity", facets.date_granularity},
                  {"buckets", buckets}};
  return out;
}

nlohmann::json SearchResponseToJson(const SearchResponse& response,
                                    const TopicNames& topics) {
  nlohmann::json out;
  out["total"] = response.total;
  out["offset"] = response.offset;
  out["hits"] = nlohmann::json::array();
  for (const Hit& hit : response.hits) {
    out["hits"].push_back(HitToJson(hit, topics));
  }
  if (response.facets) out["facets"] = FacetsToJson(*response.facets);
  // Partial names: which names were used, or close names to offer.
  out["names"] = nlohmann::json::array();
  for (const auto& name : response.names) {
    out["names"].push_back({{"field", name.field},
                            {"typed", name.typed},
                            {"used", name.used},
                            {"suggestions", name.suggestions}});
  }
  return out;
}

nlohmann::json QueryErrorToJson(const QueryError& error) {
  nlohmann::json body = {{"parameter", error.parameter},
                         {"message", error.message},
                         {"offset", error.offset}};
  if (!error.code.empty()) body["code"] = error.code;
  return {{"error", std::move(body)}};
}

}  // namespace baoku::search
