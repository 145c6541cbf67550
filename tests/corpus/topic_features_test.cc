#include "baoku/corpus/topic_features.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "baoku/corpus/text_analyzer.h"

namespace baoku::corpus {
namespace {

const TextAnalyzer& Analyzer() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

std::map<std::string, TopicFeature> FeaturesOf(const Article& a) {
  std::map<std::string, TopicFeature> out;
  for (auto& f : TopicFeatures(NormalizedTopicText(a, Analyzer()))) {
    out[f.token] = f;
  }
  return out;
}

TEST_CASE("Topic features are Han pairs and words of the normalized text",
          "[topics]") {
  Article a;
  a.headline = "維修資金";  // Traditional: counts as 维修资金.
  a.paragraphs = {"维修资金，ＧＯＨＯＭＥ 5G 2026年"};
  auto f = FeaturesOf(a);
  for (const char* token : {"维修", "修资", "资金", "gohome", "5g"}) {
    INFO(token);
    CHECK(f.count(token));
  }
  CHECK_FALSE(f.count("金，"));  // No pair across punctuation.
  CHECK_FALSE(f.count("2026"));  // Numbers alone are not features.
  CHECK_FALSE(f.count("維修"));
  CHECK(f["维修"].title_hits == 1);
  CHECK(f["维修"].body_hits == 1);
  CHECK(f["gohome"].title_hits == 0);
  double sum = 0;
  for (const auto& [token, feature] : f) sum += feature.value * feature.value;
  CHECK(std::abs(sum - 1) < 1e-9);
  // 1 + ln(3 × 1 + 1) against 1 + ln(1).
  CHECK(f["维修"].value / f["gohome"].value ==
        Approx(1 + std::log(kTopicTitleFactor + 1)));
}

TEST_CASE("An article without Han pairs or words has no topic features",
          "[topics]") {
  Article a;
  a.headline = "2026";
  a.paragraphs = {"。", "人"};
  CHECK(TopicFeatures(NormalizedTopicText(a, Analyzer())).empty());
}

}  // namespace
}  // namespace baoku::corpus
