#include "baoku/corpus/topic_model.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace baoku::corpus {
namespace {

std::string Header(const std::string& ids = "housing sports",
                   const std::string& rule = "rule\t0.4\t2\n") {
  return "# provenance\nbaoku-topic-weights\t2\nfeatures\t" +
         std::string(kTopicFeatureSettings) + "\ntaxonomy\t" + ids + "\n" +
         rule;
}

constexpr const char* kTopics =
    "topic\thousing\t-2\t0.5\t0.4\ntopic\tsports\t-3\t1\t0.6\n";

TEST_CASE("A weights file reads, scores and writes back the same", "[topics]") {
  // Tokens in byte order, as ToText() writes them.
  std::string text = Header() + kTopics +
                     "supercalifragilistic\t1:2\n比赛\t0:-1 1:4\n物业\t0:3.5\n";
  std::vector<Diagnostic> errors;
  auto model = TopicModel::Parse(text, "w.tsv", errors);
  INFO((errors.empty() ? "" : errors[0].ToString()));
  REQUIRE(model);
  REQUIRE(model->topics().size() == 2);
  CHECK(model->topics()[1].threshold == 0.6);
  CHECK(model->rule().ratio_to_best == 0.4);
  CHECK(model->rule().most_topics == 2);
  CHECK(model->WeightsOf("比赛").size() == 2);
  CHECK(model->WeightsOf("足球").empty());
  // Longer than 8 bytes: not in the short-token table, found all the same.
  CHECK(model->WeightsOf("supercalifragilistic").size() == 1);
  CHECK(model->WeightsOf("supercalifragilisti").empty());
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
  auto with_rule = [](const std::string& rule) {
    return Header("housing sports", rule) + kTopics;
  };
  for (const auto& c : std::vector<Case>{
           {"", 0, "empty weights file"},
           {"{\"topics\": []}\n", 1, "not a baoku topic weights file"},
           {"baoku-topic-weights\t3\n", 1, "format version 3"},
           {bad_features, 3, "fit it again"},
           {Header() + kTopics + "物业\t7:1\n", 8, "bad weight '7:1'"},
           {Header() + kTopics + "物业\t0:x\n", 8, "bad weight"},
           {Header() + kTopics + "物业\t0:1\n物业\t0:1\n", 9, "listed twice"},
           {Header() + "topic\thousing\t0\t0\t2\n", 6, "threshold (0..1)"},
           {with_rule(""), 0, "no \"rule\" line"},
           {with_rule("rule\t1.5\t2\n"), 5, "ratio to the best (0..1)"},
           {with_rule("rule\t0.4\t4\n"), 5, "most topics (1..3)"},
           {with_rule("rule\t0.4\t1.5\n"), 5, "most topics"},
           {with_rule("rule\t0.4\n"), 5, "expected one rule"},
           {with_rule("rule\t0.4\t2\nrule\t0.4\t2\n"), 6, "expected one rule"},
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

TEST_CASE("A version 1 weights file reads with the rule that has no effect",
          "[topics]") {
  // Indexes built before the rule store their model as version 1.
  std::string v1 = "baoku-topic-weights\t1\nfeatures\t" +
                   std::string(kTopicFeatureSettings) +
                   "\ntaxonomy\thousing sports\n" + kTopics + "物业\t0:3.5\n";
  std::vector<Diagnostic> errors;
  auto model = TopicModel::Parse(v1, "w.tsv", errors);
  INFO((errors.empty() ? "" : errors[0].ToString()));
  REQUIRE(model);
  CHECK(model->rule().ratio_to_best == 0);
  CHECK(model->rule().most_topics == TopicModel::kMostTopics);
  // Written back as the current version, which reads to the same model.
  std::string v2 = model->ToText();
  CHECK_THAT(v2, Catch::StartsWith("baoku-topic-weights\t2\n"));
  CHECK_THAT(v2, Catch::Contains("\nrule\t0\t3\n"));
  auto again = TopicModel::Parse(v2, "w.tsv", errors);
  REQUIRE(again);
  CHECK(again->ToText() == v2);
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
