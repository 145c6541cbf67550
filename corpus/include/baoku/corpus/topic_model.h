// The fitted topic model: one logistic regression per topic over the tokens
// of an article (topic_features.h) and the score of the taxonomy's seed
// terms, with a threshold per topic, read from corpus/topic_weights.tsv.
//
// For topic t: z = bias_t + seed_t × ln(1 + seed score_t) + Σ w_t,token ×
// value(token), and P(t) = 1 / (1 + e^-z). The weights and thresholds are
// fitted by baoku-topic-train (bench/quality/topic_train.cc, docs/QUALITY.md)
// on labelled articles; nothing here is typed in by hand.
//
// File format (UTF-8 text, tab-separated, lines starting with '#' are
// comments kept as provenance):
//   baoku-topic-weights<TAB>1
//   features<TAB><kTopicFeatureSettings>
//   taxonomy<TAB><topic ids of the taxonomy it was fitted for, in order>
//   topic<TAB><id><TAB><bias><TAB><seed><TAB><threshold>     (one per topic)
//   <token><TAB><topic index>:<weight> <topic index>:<weight> ...
//
// Immutable after construction (the setters are for the trainer); safe to
// share between threads.
#ifndef BAOKU_CORPUS_TOPIC_MODEL_H_
#define BAOKU_CORPUS_TOPIC_MODEL_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "baoku/corpus/diagnostic.h"
#include "baoku/corpus/topic_features.h"

namespace baoku::corpus {

struct TopicModelTopic {
  std::string id;
  double bias = 0;
  double seed = 0;         // Weight of ln(1 + seed term score).
  double threshold = 0.5;  // Assigned (besides the best) at P >= this.
};

struct TopicWeight {
  uint16_t topic = 0;  // Index into topics().
  float weight = 0;
};

class TopicModel {
 public:
  static constexpr int kFormatVersion = 1;

  TopicModel() = default;
  explicit TopicModel(std::vector<TopicModelTopic> topics)
      : topics_(std::move(topics)) {}

  // Parses the file format above; `name` names the file in messages. On a
  // problem returns nullopt and adds messages naming `name` and the line.
  static std::optional<TopicModel> Parse(std::string_view text,
                                         const std::string& name,
                                         std::vector<Diagnostic>& errors);
  // The file format; tokens sorted, weights to 4 significant digits.
  std::string ToText() const;

  // Why the model cannot serve a taxonomy with these topic ids (in the
  // taxonomy's order): names the ids missing on either side; "" when it
  // was fitted for exactly them.
  std::string MismatchWith(const std::vector<std::string>& taxonomy_ids) const;

  const std::vector<TopicModelTopic>& topics() const { return topics_; }
  std::vector<TopicModelTopic>& mutable_topics() { return topics_; }
  std::vector<std::string>& comments() { return comments_; }
  // REQUIRES: topic < topics().size(); a token is set once per topic.
  void AddWeight(const std::string& token, size_t topic, float weight);
  size_t token_count() const { return weights_.size(); }

  // The weights of `token`; empty when the model does not know it.
  std::span<const TopicWeight> WeightsOf(const std::string& token) const;
  // z of every topic. REQUIRES: seed_scores.size() == topics().size().
  std::vector<double> Margins(const std::vector<TopicFeature>& features,
                              const std::vector<double>& seed_scores) const;
  static double Probability(double margin);

 private:
  std::vector<TopicModelTopic> topics_;
  std::vector<std::string> comments_;  // Without the leading "# ".
  std::unordered_map<std::string, std::vector<TopicWeight>> weights_;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_TOPIC_MODEL_H_
