// The topic classifier's gate on the sample archive: CI fails when the
// assigned topics fall below micro-averaged F1 0.95 over (article, topic)
// pairs against the gold topics an editor gave each article.
//
// The committed weights were fitted on these articles (among others), so
// this is not a held-out figure (docs/QUALITY.md reports those, measured by
// baoku-topic-train): it fails when the weights, the features they were
// fitted on or the assignment rule break, e.g. a feature change that the
// "features" line of the weights file did not catch, or thresholds applied
// wrongly. Fitted weights reproduce their training data at about 0.99.
#include "topic_quality.h"

#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/text_analyzer.h"
#include "corpus/gold.h"
#include "test_support.h"

namespace baoku::testing {
namespace {

// corpus/topics.json with its weights; a problem fails the test.
std::optional<corpus::Taxonomy> ProjectTaxonomy(
    const corpus::TextAnalyzer& analyzer) {
  std::vector<corpus::Diagnostic> errors;
  auto taxonomy =
      corpus::Taxonomy::LoadFile(corpus::DefaultTopicsPath(), analyzer, errors);
  for (const auto& e : errors) UNSCOPED_INFO(e.ToString());
  REQUIRE(taxonomy);
  return taxonomy;
}

TEST_CASE("Topics meet the quality bar on the sample archive",
          "[topics][quality]") {
  corpus::TextAnalyzer analyzer;
  auto taxonomy = ProjectTaxonomy(analyzer);
  corpus::TopicClassifier classifier(*taxonomy, analyzer);
  TopicQuality q = MeasureTopics({SamplesDir()}, classifier);
  std::cout << q.ToTable();
  CHECK(q.articles == 171);
  CHECK(q.overall.gold >= q.articles);  // Every article has gold topics.
  REQUIRE(taxonomy->model() != nullptr);
  CHECK(q.overall.F1() >= 0.95);
}

TEST_CASE("The topic measure counts pairs and sees a wrong taxonomy",
          "[topics][quality]") {
  // A taxonomy that files everything about schools under sports: every
  // education pair is missed and every sports pair it makes is wrong.
  corpus::TextAnalyzer analyzer;
  std::vector<corpus::Diagnostic> errors;
  auto taxonomy = corpus::Taxonomy::FromJson(
      R"({"topics": [{"id": "sports", "name": "体育",
                      "terms": {"学校": 5, "考生": 5}}]})",
      analyzer, errors);
  REQUIRE(taxonomy);
  corpus::TopicClassifier classifier(*taxonomy, analyzer);
  TopicQualityOptions only_0611;
  only_0611.from = only_0611.to = corpus::Date{2026, 6, 11};
  TopicQuality q = MeasureTopics({SamplesDir()}, classifier, only_0611);
  CHECK(q.pages == 3);
  CHECK(q.articles == 18);
  CHECK(q.per_topic["education"].correct == 0);
  CHECK(q.per_topic["education"].gold == 3);
  CHECK(q.per_topic["sports"].assigned > q.per_topic["sports"].correct);
  CHECK(q.overall.Precision() < 0.5);
  CHECK(q.overall.Recall() < 0.1);
}

TEST_CASE("The written topic gold articles are readable and not the samples",
          "[topics][quality]") {
  // corpus/topic_gold.ndjson is training data for baoku-topic-train only.
  // The samples' cross-validated figure is honest only while none of these
  // articles is a sample article: no headline or paragraph may repeat one.
  corpus::TextAnalyzer analyzer;
  auto taxonomy = ProjectTaxonomy(analyzer);
  const auto ids = taxonomy->TopicIds();
  corpus::NdjsonReading gold = corpus::ReadNdjsonFile(
      SourceDir() / "corpus" / "topic_gold.ndjson", corpus::PageMeta{});
  REQUIRE_FALSE(gold.error);
  CHECK(gold.errors.empty());
  CHECK(gold.articles.size() >= 100);
  std::set<std::string> sample_texts;
  for (const auto& file : FindGoldFiles({SamplesDir()})) {
    auto page = nlohmann::json::parse(ReadFile(file));
    for (const auto& a : page.at("articles")) {
      if (a.value("headline", nlohmann::json()).is_string()) {
        sample_texts.insert(a.at("headline").get<std::string>());
      }
      for (const auto& p : a.at("body")) sample_texts.insert(p);
    }
  }
  for (const auto& a : gold.articles) {
    INFO(a.id << " " << a.headline);
    CHECK(a.topics.size() >= 1);
    CHECK(a.topics.size() <= corpus::TopicClassifier::kMaxTopics);
    for (const auto& t : a.topics) {
      CHECK(std::find(ids.begin(), ids.end(), t.id) != ids.end());
    }
    if (!a.headline.empty()) CHECK(sample_texts.count(a.headline) == 0);
    for (const auto& p : a.paragraphs) CHECK(sample_texts.count(p) == 0);
  }
}

}  // namespace
}  // namespace baoku::testing
