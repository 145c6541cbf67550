#include "reader_training.h"

#include <algorithm>
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
  // Features by index (in name order), so that an epoch is arithmetic on
  // arrays; the sums run in the same order as over the names.
  std::map<std::string, size_t> index;
  for (const auto& e : examples) {
    for (const auto& [name, value] : e.features) index.emplace(name, 0);
  }
  if (examples.empty()) return {};
  std::vector<std::string> names;
  for (auto& [name, k] : index) {
    k = names.size();
    names.push_back(name);
  }
  std::vector<std::vector<std::pair<size_t, double>>> rows;
  for (const auto& e : examples) {
    auto& row = rows.emplace_back();
    for (const auto& [name, value] : e.features) {
      row.emplace_back(index.at(name), value);
    }
  }
  const double n = static_cast<double>(examples.size());
  std::vector<double> w(names.size(), 0.0), grad(names.size(), 0.0);
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    std::fill(grad.begin(), grad.end(), 0.0);
    for (size_t r = 0; r < rows.size(); ++r) {
      double z = 0;
      for (const auto& [k, value] : rows[r]) z += w[k] * value;
      double p = 1.0 / (1.0 + std::exp(-z));
      double err = p - (examples[r].new_article ? 1.0 : 0.0);
      for (const auto& [k, value] : rows[r]) grad[k] += err * value;
    }
    for (size_t k = 0; k < w.size(); ++k) {
      w[k] -= kLearningRate * (grad[k] / n + kL2 * w[k]);
    }
  }
  corpus::ReaderModel model;
  for (size_t k = 0; k < names.size(); ++k) {
    // Rounded so that the shipped file is stable across machines.
    model.weights[names[k]] = std::round(w[k] * 1e4) / 1e4;
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
