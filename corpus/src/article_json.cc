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
  j["topics"] = nlohmann::json::array();
  for (const auto& topic : a.topics) {
    nlohmann::json t{{"id", topic.id}, {"score", topic.score}};
    if (topic.pinned) t["pinned"] = true;
    j["topics"].push_back(std::move(t));
  }
  j["lead_story"] = a.lead_story;
  return j;
}

namespace {

const char* TypeName(const nlohmann::json& j) { return j.type_name(); }

// Reads `key` into `out`. A missing key is an error only when `required`;
// a key of the wrong type (or null) always is.
template <typename T>
bool Read(const nlohmann::json& j, const char* key, T& out, bool required,
          std::string& error) {
  auto it = j.find(key);
  if (it == j.end()) {
    if (required) error = std::string("missing field '") + key + "'";
    return !required;
  }
  try {
    out = it->get<T>();
  } catch (const nlohmann::json::exception&) {
    std::string want = std::is_same_v<T, std::string> ? "a string"
                       : std::is_same_v<T, int>       ? "a whole number"
                       : std::is_same_v<T, bool>      ? "true or false"
                                                      : "a list of strings";
    error = std::string("field '") + key + "' must be " + want + ", not " +
            TypeName(*it);
    return false;
  }
  return true;
}

constexpr const char* kKnownFields[] = {
    "id",           "paper",      "paper_code",    "date",
    "page",         "section",    "ordinal",       "kind",
    "column",       "kicker",     "headline",      "subtitle",
    "byline",       "reporters",  "photographers", "correspondents",
    "source",       "dateline",   "subheads",      "paragraphs",
    "source_file",  "first_line", "last_line",     "continued_from",
    "continued_to", "topics",     "lead_story"};

// "topics": [{"id": "housing", "score": 0.8, "pinned": true}, ...]; a plain
// string is an id with no score.
bool ReadTopics(const nlohmann::json& j, std::vector<ArticleTopic>& out,
                std::string& error) {
  auto it = j.find("topics");
  if (it == j.end()) return true;
  if (!it->is_array()) {
    error = std::string("field 'topics' must be a list, not ") + TypeName(*it);
    return false;
  }
  for (const auto& item : *it) {
    ArticleTopic topic;
    if (item.is_string()) {
      topic.id = item.get<std::string>();
    } else if (item.is_object() && item.contains("id") &&
               item["id"].is_string()) {
      topic.id = item["id"].get<std::string>();
      if (auto s = item.find("score"); s != item.end()) {
        if (!s->is_number()) {
          error = "field 'topics' score of '" + topic.id + "' must be a number";
          return false;
        }
        topic.score = s->get<double>();
      }
      if (auto p = item.find("pinned"); p != item.end()) {
        topic.pinned = p->is_boolean() && p->get<bool>();
      }
    } else {
      error =
          "field 'topics' entries must be ids or objects with a string 'id'";
      return false;
    }
    if (topic.id.empty()) {
      error = "field 'topics' has an empty id";
      return false;
    }
    out.push_back(std::move(topic));
  }
  return true;
}

// The body of ArticleFromJson(): stops at the first error, in `error`.
bool ReadArticle(const nlohmann::json& j, Article& a, std::string& error,
                 std::vector<std::string>* unknown_fields) {
  if (!j.is_object()) {
    error = std::string("an article must be a JSON object, not ") + TypeName(j);
    return false;
  }
  std::string date, kind = "news";
  bool ok = Read(j, "date", date, true, error) &&
            Read(j, "page", a.page, true, error) &&
            Read(j, "paragraphs", a.paragraphs, true, error) &&
            Read(j, "id", a.id, false, error) &&
            Read(j, "paper", a.paper, false, error) &&
            Read(j, "paper_code", a.paper_code, false, error) &&
            Read(j, "section", a.section, false, error) &&
            Read(j, "ordinal", a.ordinal, false, error) &&
            Read(j, "kind", kind, false, error) &&
            Read(j, "column", a.column, false, error) &&
            Read(j, "kicker", a.kicker, false, error) &&
            Read(j, "headline", a.headline, false, error) &&
            Read(j, "subtitle", a.subtitle, false, error) &&
            Read(j, "byline", a.byline, false, error) &&
            Read(j, "reporters", a.reporters, false, error) &&
            Read(j, "photographers", a.photographers, false, error) &&
            Read(j, "correspondents", a.correspondents, false, error) &&
            Read(j, "source", a.source, false, error) &&
            Read(j, "dateline", a.dateline, false, error) &&
            Read(j, "subheads", a.subheads, false, error) &&
            Read(j, "source_file", a.source_file, false, error) &&
            Read(j, "first_line", a.lines.first, false, error) &&
            Read(j, "last_line", a.lines.last, false, error) &&
            Read(j, "continued_from", a.continued_from, false, error) &&
            Read(j, "continued_to", a.continued_to, false, error) &&
            Read(j, "lead_story", a.lead_story, false, error) &&
            ReadTopics(j, a.topics, error);
  if (!ok) return false;
  auto parsed_date = ParseDate(date);
  if (!parsed_date) {
    error = "field 'date' '" + date + "' is not a valid YYYY-MM-DD date";
    return false;
  }
  a.date = *parsed_date;
  if (a.page < 1 || a.page > 999) {
    error = "field 'page' " + std::to_string(a.page) +
            " is not a page number 1..999";
    return false;
  }
  if (a.ordinal < 0) {
    error = "field 'ordinal' must not be negative";
    return false;
  }
  auto parsed_kind = KindFromName(kind);
  if (!parsed_kind) {
    error = "field 'kind' '" + kind +
            "' is not one of news, qa, photo, brief, commentary";
    return false;
  }
  a.kind = *parsed_kind;
  if (a.paragraphs.empty() && a.headline.empty()) {
    error = "the article has neither 'headline' nor 'paragraphs' text";
    return false;
  }
  if (unknown_fields) {
    for (const auto& [key, value] : j.items()) {
      bool known = false;
      for (const char* k : kKnownFields) known = known || key == k;
      if (!known) unknown_fields->push_back(key);
    }
  }
  return true;
}

}  // namespace

Result<Article> ArticleFromJson(const nlohmann::json& json,
                                std::vector<std::string>* unknown_fields) {
  Article article;
  std::string error;
  if (!ReadArticle(json, article, error, unknown_fields)) {
    return Diagnostic({}, 0, std::move(error), "record.invalid");
  }
  return article;
}

}  // namespace baoku::corpus
