#include "baoku/search/result_json.h"

#include "baoku/corpus/prominence.h"

namespace baoku::search {
namespace {

nlohmann::json SnippetToJson(const Snippet& snippet) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& span : snippet.highlights) {
    highlights.push_back({span.begin, span.end});
  }
  return {{"text", snippet.text}, {"highlights", highlights}};
}

nlohmann::json ReasonsToJson(const std::vector<MatchReason>& reasons) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : reasons) {
    nlohmann::json forms = nlohmann::json::array();
    nlohmann::json labels = nlohmann::json::array();
    for (MatchForm form : r.forms) {
      forms.push_back(MatchFormName(form));
      labels.push_back(MatchFormLabel(form));
    }
    out.push_back({{"part", r.part},
                   {"parameter", r.parameter},
                   {"offset", r.offset},
                   {"where", r.where},
                   {"where_label", r.where_label},
                   {"printed", r.printed},
                   {"forms", forms},
                   {"form_labels", labels},
                   {"count", r.count}});
  }
  return out;
}

nlohmann::json ValuesToJson(const std::vector<FacetValue>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values) out.push_back(ValueToJson(v));
  return out;
}

// The number of `digits` ASCII digits at `pos` of `key`, or -1.
int NumberAt(std::string_view key, size_t pos, size_t digits) {
  if (pos + digits > key.size()) return -1;
  int n = 0;
  for (size_t i = pos; i < pos + digits; ++i) {
    if (key[i] < '0' || key[i] > '9') return -1;
    n = n * 10 + (key[i] - '0');
  }
  return n;
}

}  // namespace

nlohmann::json ValueToJson(const FacetValue& value) {
  return {
      {"value", value.value}, {"label", value.label}, {"count", value.count}};
}

std::string DateKeyLabel(std::string_view key) {
  int year = NumberAt(key, 0, 4);
  if (year < 0) return std::string(key);
  if (key.size() == 4) return std::to_string(year) + "年";
  int month = key.size() >= 7 && key[4] == '-' ? NumberAt(key, 5, 2) : -1;
  if (month < 0) return std::string(key);
  std::string out = std::to_string(year) + "年" + std::to_string(month) + "月";
  if (key.size() == 7) return out;
  int day = key.size() == 10 && key[7] == '-' ? NumberAt(key, 8, 2) : -1;
  return day < 0 ? std::string(key) : out + std::to_string(day) + "日";
}

nlohmann::json DatesToJson(const Facets& facets) {
  nlohmann::json buckets = nlohmann::json::array();
  for (const auto& b : facets.dates) {
    buckets.push_back(ValueToJson({b.key, DateKeyLabel(b.key), b.count}));
  }
  return {{"granularity", facets.date_granularity}, {"buckets", buckets}};
}

nlohmann::json TopicsToJson(const corpus::Article& article,
                            const TopicNames& topics) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& topic : article.topics) {
    out.push_back({{"value", topic.id},
                   {"label", topics.Label(topic.id)},
                   {"score", topic.score}});
  }
  return out;
}

nlohmann::json HitToJson(const Hit& hit, const TopicNames& topics) {
  const corpus::Article& a = hit.article;
  nlohmann::json h;
  h["id"] = a.id;
  h["title"] = hit.title.text;
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
  h["highlights"] = {{"title", SnippetToJson(hit.title)["highlights"]}};
  h["prominence"] = corpus::ProminenceOf(a);  // 头版, 头条, 有图.
  h["group"] = hit.reprint_group;
  h["snippet"] = SnippetToJson(hit.snippet);
  if (hit.why) h["why"] = ReasonsToJson(*hit.why);
  return h;
}

nlohmann::json FacetsToJson(const Facets& facets) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, values] : facets.fields) {
    out[key] = ValuesToJson(values);
  }
  out["dates"] = DatesToJson(facets);
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
  if (response.facets) {
    out["facets"] = FacetsToJson(*response.facets);
    out["facets_exact"] = response.facets->exact;
    out["facets_counted"] = response.facets->counted;
  }
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
