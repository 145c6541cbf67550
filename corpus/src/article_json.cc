#include "baoku/corpus/article_json.h"

namespace baoku::corpus {

nlohmann::json ArticleToJson(const Article& a) {
  nlohmann::json j;
  j["id"] = a.id;
  j["paper"] = a.paper;
  j["paper_code"] = a.paper_code;
  j["date"] = a.date.ToIso();
  j["page"] = a.page;
  j["section"] = a.section;
  j["ordinal"] = a.ordinal;
  j["kind"] = KindName(a.kind);
  j["column"] = a.column;
  j["kicker"] = a.kicker;
  j["headline"] = a.headline;
  j["subtitle"] = a.subtitle;
  j["byline"] = a.byline;
  j["reporters"] = a.reporters;
  j["photographers"] = a.photographers;
  j["correspondents"] = a.correspondents;
  j["source"] = a.source;
  j["dateline"] = a.dateline;
  j["subheads"] = a.subheads;
  j["paragraphs"] = a.paragraphs;
  j["source_file"] = a.source_file;
  j["first_line"] = a.lines.first;
  j["last_line"] = a.lines.last;
  j["continued_from"] = a.continued_from;
  j["continued_to"] = a.continued_to;
  return j;
}

namespace {

template <typename T>
bool Read(const nlohmann::json& j, const char* key, T& out,
          std::string& error) {
  auto it = j.find(key);
  if (it == j.end()) {
    error = std::string("missing field '") + key + "'";
    return false;
  }
  try {
    out = it->get<T>();
  } catch (const nlohmann::json::exception&) {
    error = std::string("field '") + key + "' has the wrong type";
    return false;
  }
  return true;
}

}  // namespace

bool ArticleFromJson(const nlohmann::json& j, Article& a, std::string& error) {
  if (!j.is_object()) {
    error = "article is not a JSON object";
    return false;
  }
  std::string date, kind;
  bool ok = Read(j, "id", a.id, error) && Read(j, "paper", a.paper, error) &&
            Read(j, "paper_code", a.paper_code, error) &&
            Read(j, "date", date, error) && Read(j, "page", a.page, error) &&
            Read(j, "section", a.section, error) &&
            Read(j, "ordinal", a.ordinal, error) &&
            Read(j, "kind", kind, error) &&
            Read(j, "column", a.column, error) &&
            Read(j, "kicker", a.kicker, error) &&
            Read(j, "headline", a.headline, error) &&
            Read(j, "subtitle", a.subtitle, error) &&
            Read(j, "byline", a.byline, error) &&
            Read(j, "reporters", a.reporters, error) &&
            Read(j, "photographers", a.photographers, error) &&
            Read(j, "correspondents", a.correspondents, error) &&
            Read(j, "source", a.source, error) &&
            Read(j, "dateline", a.dateline, error) &&
            Read(j, "subheads", a.subheads, error) &&
            Read(j, "paragraphs", a.paragraphs, error) &&
            Read(j, "source_file", a.source_file, error) &&
            Read(j, "first_line", a.lines.first, error) &&
            Read(j, "last_line", a.lines.last, error) &&
            Read(j, "continued_from", a.continued_from, error) &&
            Read(j, "continued_to", a.continued_to, error);
  if (!ok) return false;
  auto parsed_date = ParseDate(date);
  if (!parsed_date) {
    error = "field 'date' '" + date + "' is not a valid date";
    return false;
  }
  a.date = *parsed_date;
  auto parsed_kind = KindFromName(kind);
  if (!parsed_kind) {
    error = "field 'kind' '" + kind +
            "' is not one of news, qa, photo, "
            "brief, commentary";
    return false;
  }
  a.kind = *parsed_kind;
  return true;
}

}  // namespace baoku::corpus
