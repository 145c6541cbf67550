// Measures the topic classifier against the gold topics of the sample
// archive (the "topics" list of each article in the *.gold.json files).
#ifndef BAOKU_TESTS_CORPUS_TOPIC_QUALITY_H_
#define BAOKU_TESTS_CORPUS_TOPIC_QUALITY_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "baoku/corpus/date.h"
#include "baoku/corpus/topics.h"

namespace baoku::testing {

// Counts of (article, topic) pairs.
struct PairCounts {
  size_t correct = 0;   // Assigned and in the gold.
  size_t assigned = 0;  // Assigned by the classifier.
  size_t gold = 0;      // In the gold.

  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct TopicQuality {
  size_t pages = 0;
  size_t articles = 0;
  // Micro-averaged over all (article, topic) pairs.
  PairCounts overall;
  // Articles whose best assigned topic is among the gold topics.
  size_t first_correct = 0;
  std::map<std::string, PairCounts> per_topic;
  // "id: assigned [..] vs gold [..]" for each article that differs.
  std::vector<std::string> mistakes;

  std::string ToTable() const;
};

struct TopicQualityOptions {
  // Only issues dated within [from, to] (both inclusive) when set.
  std::optional<corpus::Date> from, to;
};

// Reads every page that has a gold file under `roots`, classifies its
// articles and compares with the gold topics. Articles are matched to gold
// articles by their first line. Throws on unreadable gold files.
TopicQuality MeasureTopics(const std::vector<std::filesystem::path>& roots,
                           const corpus::TopicClassifier& classifier,
                           const TopicQualityOptions& options = {});

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_CORPUS_TOPIC_QUALITY_H_
