#include "topic_quality.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "baoku/corpus/page_reader.h"
#include "gold.h"
#include "test_support.h"

namespace baoku::testing {

double PairCounts::Precision() const {
  return assigned ? static_cast<double>(correct) / assigned : 0;
}
double PairCounts::Recall() const {
  return gold ? static_cast<double>(correct) / gold : 0;
}
double PairCounts::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

namespace {

std::string Show(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const auto& id : ids) out += (out.size() > 1 ? " " : "") + id;
  return out + "]";
}

bool InRange(const corpus::Date& d, const TopicQualityOptions& o) {
  if (o.from && d.ToCompact() < o.from->ToCompact()) return false;
  if (o.to && d.ToCompact() > o.to->ToCompact()) return false;
  return true;
}

}  // namespace

std::string TopicQuality::ToTable() const {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "pages %zu, articles %zu, gold pairs %zu, assigned %zu\n"
                "micro precision %.3f  recall %.3f  F1 %.3f  "
                "best topic right %.3f\n",
                pages, articles, overall.gold, overall.assigned,
                overall.Precision(), overall.Recall(), overall.F1(),
                articles ? static_cast<double>(first_correct) / articles : 0);
  out += buf;
  out += "topic           gold assigned correct     P     R    F1\n";
  for (const auto& [id, c] : per_topic) {
    std::snprintf(buf, sizeof buf, "%-14s %5zu %8zu %7zu %5.2f %5.2f %5.2f\n",
                  id.c_str(), c.gold, c.assigned, c.correct, c.Precision(),
                  c.Recall(), c.F1());
    out += buf;
  }
  return out;
}

TopicQuality MeasureTopics(const std::vector<std::filesystem::path>& roots,
                           const corpus::TopicClassifier& classifier,
                           const TopicQualityOptions& options) {
  TopicQuality q;
  for (const auto& gold_file : FindGoldFiles(roots)) {
    corpus::PageReading page =
        corpus::ReadPageFile(GoldSourcePage(gold_file), {});
    if (page.articles.empty() || !InRange(page.articles[0].date, options)) {
      continue;
    }
    ++q.pages;
    auto gold = nlohmann::json::parse(ReadFile(gold_file));
    for (const auto& g : gold.at("articles")) {
      std::vector<std::string> want = GoldList(g, "topics");
      auto read =
          std::find_if(page.articles.begin(), page.articles.end(),
                       [&](const corpus::Article& a) {
                         return a.lines.first == g.at("first_line").get<int>();
                       });
      std::vector<std::string> got;
      std::string id = gold_file.parent_path().filename().string() + "/" +
                       std::to_string(g.at("first_line").get<int>());
      if (read != page.articles.end()) {
        id = read->id;
        for (const auto& t : classifier.Classify(*read)) got.push_back(t.id);
      }
      ++q.articles;
      std::set<std::string> want_set(want.begin(), want.end());
      for (const auto& w : want) ++q.per_topic[w].gold;
      for (const auto& t : got) {
        bool right = want_set.count(t) > 0;
        ++q.per_topic[t].assigned;
        q.per_topic[t].correct += right;
        q.overall.correct += right;
      }
      q.overall.assigned += got.size();
      q.overall.gold += want.size();
      if (!got.empty() && want_set.count(got[0])) ++q.first_correct;
      std::set<std::string> got_set(got.begin(), got.end());
      if (got_set != want_set) {
        std::string title =
            read == page.articles.end() ? "" : corpus::DisplayTitle(*read);
        q.mistakes.push_back(id + " " + title + ": assigned " + Show(got) +
                             " vs gold " + Show(want));
      }
    }
  }
  return q;
}

}  // namespace baoku::testing
