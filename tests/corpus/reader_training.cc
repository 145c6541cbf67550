#include "reader_training.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "baoku/corpus/page_reader.h"
#include "gold.h"
#include "test_support.h"

namespace baoku::testing {

std::vector<TrainingExample> CollectExamples(
    const std::vector<std::filesystem::path>& gold_files,
    const corpus::PageMeta& defaults) {
  std::vector<TrainingExample> examples;
  for (const auto& gold : gold_files) {
    std::set<int> starts;
    const auto json = nlohmann::json::parse(ReadFile(gold));
    for (const auto& a : json.at("articles")) {
      starts.insert(a.at("first_line").get<int>());
    }
    corpus::ReaderOptions options;
    options.decide = [&](int line, const corpus::FeatureVector& features) {
      bool answer = starts.count(line) > 0;
      examples.push_back({features, answer});
      return answer;
    };
    corpus::ReadPageFile(GoldSourcePage(gold), defaults, options);
  }
  return examples;
}

std::string DecisionOf(const TrainingExample& e) {
  for (const auto& [name, value] : e.features) {
    size_t colon = name.find(':');
    if (name.ends_with("bias")) {
      return colon == name.npos ? "" : name.substr(0, colon);
    }
  }
  return "";
}

namespace {

corpus::ReaderModel FitOneDecision(
    const std::vector<TrainingExample>& examples) {
  // Few examples and few features: plain gradient descent converges.
  constexpr int kEpochs = 2000;
  constexpr double kLearningRate = 0.5;
  constexpr double kL2 = 0.01;
  std::map<std::string, double> w;
  for (const auto& e : examples) {
    for (const auto& [name, value] : e.features) w[name] = 0;
  }
  if (examples.empty()) return {};
  const double n = static_cast<double>(examples.size());
  std::map<std::string, double> grad;
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    for (auto& [name, g] : grad) g = 0;
    for (const auto& e : examples) {
      double z = 0;
      for (const auto& [name, value] : e.features) z += w[name] * value;
      double p = 1.0 / (1.0 + std::exp(-z));
      double err = p - (e.new_article ? 1.0 : 0.0);
      for (const auto& [name, value] : e.features) grad[name] += err * value;
    }
    for (auto& [name, weight] : w) {
      weight -= kLearningRate * (grad[name] / n + kL2 * weight);
    }
  }
  corpus::ReaderModel model;
  for (const auto& [name, weight] : w) {
    // Rounded so that the shipped file is stable across machines.
    model.weights[name] = std::round(weight * 1e4) / 1e4;
  }
  return model;
}

}  // namespace

corpus::ReaderModel FitReaderModel(
    const std::vector<TrainingExample>& examples) {
  // Each decision is fitted on its own examples: their features are
  // disjoint, and fitting them apart keeps one decision's regularisation
  // from depending on how many examples the other has.
  std::map<std::string, std::vector<TrainingExample>> by_decision;
  for (const auto& e : examples) by_decision[DecisionOf(e)].push_back(e);
  corpus::ReaderModel model;
  for (const auto& [decision, group] : by_decision) {
    for (const auto& [name, weight] : FitOneDecision(group).weights) {
      model.weights[name] = weight;
    }
  }
  return model;
}

}  // namespace baoku::testing
