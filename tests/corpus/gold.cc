#include "gold.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace baoku::testing {

std::string GoldString(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? "" : it->get<std::string>();
}

std::vector<std::string> GoldList(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->get<std::vector<std::string>>();
}

std::string TitleBlock(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    if (!l.empty()) out += (out.empty() ? "" : " | ") + l;
  }
  return out;
}

corpus::PageMeta UndatedGoldDefaults() {
  corpus::PageMeta defaults;
  defaults.date = corpus::Date{2000, 1, 1};
  defaults.page = 1;
  return defaults;
}

std::vector<std::filesystem::path> FindGoldFiles(
    const std::vector<std::filesystem::path>& roots) {
  std::vector<std::filesystem::path> golds;
  for (const auto& root : roots) {
    if (std::filesystem::is_regular_file(root)) {
      golds.push_back(root);
      continue;
    }
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      std::string name = e.path().filename().string();
      if (name.size() > 10 && name.substr(name.size() - 10) == ".gold.json") {
        golds.push_back(e.path());
      }
    }
  }
  std::sort(golds.begin(), golds.end());
  return golds;
}

std::filesystem::path GoldSourcePage(const std::filesystem::path& gold) {
  auto source = nlohmann::json::parse(ReadFile(gold)).at("source");
  return gold.parent_path() / source.get<std::string>();
}

namespace {

std::string Show(const std::vector<std::string>& v) {
  std::string out = "[";
  for (const auto& s : v) out += (out.size() > 1 ? ", " : "") + s;
  return out + "]";
}

}  // namespace

std::vector<std::string> CompareWithGold(const corpus::PageReading& reading,
                                         const std::filesystem::path& gold) {
  std::vector<std::string> diffs;
  auto g = nlohmann::json::parse(ReadFile(gold));
  const auto& gold_articles = g.at("articles");
  if (reading.error) diffs.push_back("error: " + reading.error->ToString());
  if (reading.articles.size() != gold_articles.size()) {
    diffs.push_back(std::to_string(reading.articles.size()) +
                    " articles vs gold " +
                    std::to_string(gold_articles.size()));
  }
  size_t n = std::min(reading.articles.size(), gold_articles.size());
  for (size_t i = 0; i < n; ++i) {
    const auto& a = reading.articles[i];
    const auto& e = gold_articles[i];
    std::string at = "article " + std::to_string(i + 1) + ": ";
    auto check = [&](const char* what, const std::string& got,
                     const std::string& want) {
      if (got != want)
        diffs.push_back(at + what + " '" + got + "' vs gold '" + want + "'");
    };
    auto check_list = [&](const char* what, const std::vector<std::string>& got,
                          const std::vector<std::string>& want) {
      if (got != want)
        diffs.push_back(at + what + " " + Show(got) + " vs gold " + Show(want));
    };
    check("kind", std::string(corpus::KindName(a.kind)), GoldString(e, "kind"));
    // Which title line is the kicker, headline or subtitle can be ambiguous
    // (the gold files say so): the title block is compared whole.
    check("title block",
          TitleBlock({a.column, a.kicker, a.headline, a.subtitle}),
          TitleBlock({GoldString(e, "column"), GoldString(e, "kicker"),
                      GoldString(e, "headline"), GoldString(e, "subtitle")}));
    check("byline", a.byline, GoldString(e, "byline"));
    check_list("reporters", a.reporters, GoldList(e, "reporters"));
    check_list("photographers", a.photographers, GoldList(e, "photographers"));
    if (e.contains("correspondents")) {
      check_list("correspondents", a.correspondents,
                 GoldList(e, "correspondents"));
    }
    // Keys that only newer gold files carry.
    const std::pair<const char*, const std::string*> optional[] = {
        {"source", &a.source},
        {"dateline", &a.dateline},
        {"continued_from", &a.continued_from},
        {"continued_to", &a.continued_to}};
    for (const auto& [key, value] : optional) {
      if (e.contains(key)) check(key, *value, GoldString(e, key));
    }
    check_list("subheads", a.subheads, GoldList(e, "subheads"));
    check_list("body", a.paragraphs, GoldList(e, "body"));
    check("lines",
          std::to_string(a.lines.first) + "-" + std::to_string(a.lines.last),
          std::to_string(e.at("first_line").get<int>()) + "-" +
              std::to_string(e.at("last_line").get<int>()));
  }
  return diffs;
}

}  // namespace baoku::testing
