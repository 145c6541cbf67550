#include "baoku/corpus/topic_model.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace baoku::corpus {
namespace {

std::string Header(const std::string& ids = "housing sports") {
  return "# provenance\nbaoku-topic-weights\t1\nfeatures\t" +
         std::string(kTopicFeatureSettings) + "\ntaxonomy\t" + ids + "\n";
}

constexpr const char* kTopics =
    "topic\thousing\t-2\t0.5\t0.4\ntopic\tsports\t-3\t1\t0.6\n";

TEST_CASE("A weights file reads, scores and writes back the same", "[topics]") {
  // Tokens in byte order, as ToText() writes them.
  std::string text = Header() + kTopics + "比赛\t0:-1 1:4\n物业\t0:3.5\n";
  std::vector<Diagnostic> errors;
  auto model = TopicModel::Parse(text, "w.tsv", errors);
  INFO((errors.empty() ? "" : errors[0].ToString()));
  REQUIRE(model);
  REQUIRE(model->topics().size() == 2);
  CHECK(model->topics()[1].threshold == 0.6);
  CHECK(model->WeightsOf("比赛").size() == 2);
  CHECK(model->WeightsOf("足球").empty());
  CHECK(model->ToText() == text);
  std::vector<TopicFeature> features = {{"物业", 1, 0, 0.8},
                                        {"比赛", 0, 1, 0.6}};
  auto z = model->Margins(features, {0, std::exp(1.0) - 1});
  CHECK(z[0] == Approx(-2 + 3.5 * 0.8 - 0.6));
  CHECK(z[1] == Approx(-3 + 1 + 4 * 0.6));
  CHECK(TopicModel::Probability(0) == 0.5);
}

TEST_CASE("Bad weights files are refused with the file, line and problem",
          "[topics]") {
  struct Case {
    std::string text;
    int line;
    const char* message;
  };
  std::string bad_features =
      "# x\nbaoku-topic-weights\t1\nfeatures\tchars\n"
      "taxonomy\thousing\ntopic\thousing\t0\t0\t0.5\n";
  for (const auto& c : std::vector<Case>{
           {"", 0, "empty weights file"},
           {"{\"topics\": []}\n", 1, "not a baoku topic weights file"},
           {"baoku-topic-weights\t2\n", 1, "format version 2"},
           {bad_features, 3, "fit it again"},
           {Header() + kTopics + "物业\t7:1\n", 7, "bad weight '7:1'"},
           {Header() + kTopics + "物业\t0:x\n", 7, "bad weight"},
           {Header() + kTopics + "物业\t0:1\n物业\t0:1\n", 8, "listed twice"},
           {Header() + "topic\thousing\t0\t0\t2\n", 5, "threshold (0..1)"},
           {Header("sports housing") + kTopics, 0, "does not match"},
       }) {
    INFO(c.text);
    std::vector<Diagnostic> errors;
    CHECK_FALSE(TopicModel::Parse(c.text, "w.tsv", errors));
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].file == "w.tsv");
    CHECK(errors[0].line == c.line);
    CHECK_THAT(errors[0].message, Catch::Contains(c.message));
  }
}

TEST_CASE("A model names the topics it was not fitted for", "[topics]") {
  TopicModel model({{"housing"}, {"sports"}});
  CHECK(model.MismatchWith({"housing", "sports"}).empty());
  CHECK_THAT(model.MismatchWith({"housing", "sports", "law"}),
             Catch::Contains("not fitted for law"));
  CHECK_THAT(model.MismatchWith({"housing"}),
             Catch::Contains("taxonomy does not have: sports"));
  CHECK_THAT(model.MismatchWith({"sports", "housing"}),
             Catch::Contains("another order"));
}

}  // namespace
}  // namespace baoku::corpus
