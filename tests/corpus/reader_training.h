// Fits the page reader's model (corpus/reader_model.txt) on gold pages.
//
// At each decision the reader takes with its model, the gold says which way
// is right (a new article starts on that line, or not); the reader is made
// to take the gold's way (so later features see the right context) and the
// features and answer are kept. A logistic regression is fitted on them.
#ifndef BAOKU_TESTS_CORPUS_READER_TRAINING_H_
#define BAOKU_TESTS_CORPUS_READER_TRAINING_H_

#include <filesystem>
#include <string>
#include <vector>

#include "baoku/corpus/page_meta.h"
#include "baoku/corpus/reader_model.h"

namespace baoku::testing {

struct TrainingExample {
  corpus::FeatureVector features;
  bool new_article = false;
};

// The decisions on the pages of `gold_files` with the gold's answers.
std::vector<TrainingExample> CollectExamples(
    const std::vector<std::filesystem::path>& gold_files,
    const corpus::PageMeta& defaults);

// The decision an example is for: the namespace of its features ("open"
// for "open:bias"; "" for the subhead decision's plain names).
std::string DecisionOf(const TrainingExample& e);

// Each decision is fitted apart on its own examples by
// L2-regularised logistic regression by full-batch gradient descent;
// deterministic (same examples, same weights).
corpus::ReaderModel FitReaderModel(
    const std::vector<TrainingExample>& examples);

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_CORPUS_READER_TRAINING_H_
