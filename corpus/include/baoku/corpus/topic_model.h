// The fitted topic model: one logistic regression per topic over the tokens
// of an article (topic_features.h) and the score of the taxonomy's seed
// terms, with a threshold per topic, read from corpus/topic_weights.tsv.
//
// For topic t: z = bias_t + seed_t × ln(1 + seed score_t) + Σ w_t,token ×
// value(token), and P(t) = 1 / (1 + e^-z). The weights and thresholds are
// fitted by baoku-topic-train (bench/quality/topic_train.cc, docs/QUALITY.md)
// on labelled articles; nothing here is typed in by hand. So is the rule
// that keeps topics besides the best (TopicAssignmentRule): at most
// `most_topics`, each at P >= its threshold and >= ratio_to_best × P(best).
//
// File format (UTF-8 text, tab-separated, lines starting with '#' are
// comments kept as provenance):
//   baoku-topic-weights<TAB>2
//   features<TAB><kTopicFeatureSettings>
//   taxonomy<TAB><topic ids of the taxonomy it was fitted for, in order>
//   rule<TAB><ratio_to_best 0..1><TAB><most_topics 1..kMostTopics>
//   topic<TAB><id><TAB><bias><TAB><seed><TAB><threshold>     (one per topic)
//   <token><TAB><topic index>:<weight> <topic index>:<weight> ...
// Version 1 (weights fitted before the rule, and the copies of them stored
// in indexes) has no "rule" line and reads as ratio 0, kMostTopics topics;
// version 2 requires it. ToText() writes version 2.
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

// Which topics besides the best an article keeps (the best always is).
struct TopicAssignmentRule {
  double ratio_to_best = 0;  // Kept only at P >= this × P(best) too.
  size_t most_topics = 3;    // 1..TopicModel::kMostTopics, the best included.
};

struct TopicWeight {
  uint16_t topic = 0;  // Index into topics().
  float weight = 0;
};

class TopicModel {
 public:
  static constexpr int kFormatVersion = 2;
  static constexpr size_t kMostTopics = 3;  // Themes per article: 1 to 3.

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
  const TopicAssignmentRule& rule() const { return rule_; }
  // REQUIRES: 0 <= ratio_to_best <= 1, 1 <= most_topics <= kMostTopics.
  void set_rule(const TopicAssignmentRule& rule) { rule_ = rule; }
  std::vector<std::string>& comments() { return comments_; }
  // REQUIRES: topic < topics().size(); a token is set once per topic.
  // Lookups are slower until BuildIndex() (Parse() and Taxonomy::SetModel()
  // call it).
  void AddWeight(const std::string& token, size_t topic, float weight);
  void BuildIndex();
  size_t token_count() const { return weights_.size(); }

  // The weights of `token`; empty when the model does not know it.
  std::span<const TopicWeight> WeightsOf(const std::string& token) const;
  // z of every topic. REQUIRES: seed_scores.size() == topics().size().
  std::vector<double> Margins(const std::vector<TopicFeature>& features,
                              const std::vector<double>& seed_scores) const;
  // The same z as Margins(TopicFeatures(text), seed_scores), up to the
  // order in which the terms are added (the last bits of a double), without
  // building the features: the tokens are counted by their bytes in a flat
  // table, no string per token. What the indexer scores with.
  // `any_token` is set to whether the text has a token at all.
  // REQUIRES: seed_scores.size() == topics().size().
  std::vector<double> Margins(const TopicText& text,
                              const std::vector<double>& seed_scores,
                              bool& any_token) const;
  static double Probability(double margin);

 private:
  // bias + seed × ln(1 + seed score) of every topic.
  std::vector<double> SeedMargins(const std::vector<double>& seed_scores) const;
  // REQUIRES: BuildIndex() done; key the ShortKey of a token.
  std::span<const TopicWeight> WeightsOfShort(uint64_t key) const;

  std::vector<TopicModelTopic> topics_;
  TopicAssignmentRule rule_;
  std::vector<std::string> comments_;  // Without the leading "# ".
  std::unordered_map<std::string, std::vector<TopicWeight>> weights_;
  // Open addressing over tokens of at most 8 bytes (every Han pair), the
  // token's bytes as key (0: empty slot), each slot holding where its
  // weights start in short_weights_: one cache miss for the slot and one
  // for the weights instead of a node walk; the most frequent operation of
  // topic scoring. Offsets, not pointers, so a copied model stays valid.
  struct ShortSlot {
    uint64_t key = 0;
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  std::vector<ShortSlot> short_slots_;
  std::vector<TopicWeight> short_weights_;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_TOPIC_MODEL_H_
