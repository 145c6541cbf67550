// baoku-train-reader: fits the page reader's model on gold pages and prints
// it in the form of corpus/reader_model.txt.
// Usage: baoku-train-reader DIR_OR_GOLD_FILE... > corpus/reader_model.txt
#include <iostream>
#include <map>

#include "gold.h"
#include "reader_training.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: baoku-train-reader DIR_OR_GOLD_FILE...\n"
                 "  (the shipped model: baoku-train-reader corpus/samples "
                 "corpus/gold > corpus/reader_model.txt)\n";
    return 2;
  }
  std::vector<std::filesystem::path> roots(argv + 1, argv + argc);
  const baoku::corpus::PageMeta defaults =
      baoku::testing::UndatedGoldDefaults();
  try {
    auto examples = baoku::testing::CollectExamples(
        baoku::testing::FindGoldFiles(roots), defaults);
    // Per decision: how many examples, how many of them new articles.
    std::map<std::string, std::pair<size_t, size_t>> counts;
    for (const auto& e : examples) {
      auto& [n, positive] = counts[baoku::testing::DecisionOf(e)];
      ++n;
      positive += e.new_article;
    }
    std::cout << "# Fitted by baoku-train-reader on " << examples.size()
              << " decisions:";
    for (const auto& [decision, n] : counts) {
      std::cout << " " << (decision.empty() ? "subhead" : decision) << " "
                << n.first << " (" << n.second << " new articles)";
    }
    std::cout << "\n" << baoku::testing::FitReaderModel(examples).ToText();
  } catch (const std::exception& e) {
    std::cerr << "baoku-train-reader: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
