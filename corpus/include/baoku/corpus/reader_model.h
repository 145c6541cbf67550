// The page reader's fitted decisions: a linear model over named features.
//
// Where a page's shape leaves the reading open — a short title-shaped line
// after body text, followed by more text: the headline of a new article
// (often one without a byline) or a subhead of the current one — the reader
// scores features of the page around that line (see page_reader.cc,
// TitleLineFeatures) and starts a new article when the score is above 0.
// A second decision, with its own features (named "open:…", fitted apart),
// asks whether a sentence-like line ending in ！ or ？ after a finished
// paragraph is a new article's headline or a line of text
// (OpenerFeatures).
// The weights are fitted on gold pages by baoku-train-reader
// (tests/corpus/reader_training.cc) and shipped as corpus/reader_model.txt,
// compiled into the library.
//
// Value type; const methods are thread-safe.
#ifndef BAOKU_CORPUS_READER_MODEL_H_
#define BAOKU_CORPUS_READER_MODEL_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baoku::corpus {

// Named feature values; a feature that does not fire is left out.
using FeatureVector = std::vector<std::pair<std::string, double>>;

class ReaderModel {
 public:
  // The model fitted on all gold pages (corpus/reader_model.txt).
  static const ReaderModel& Default();

  // Reads the text form written by ToText(): a first line
  // "baoku-reader-model 1", then "feature<TAB>weight" lines; '#' comments.
  // Returns nullopt and sets `error` (naming the line) on bad input.
  static std::optional<ReaderModel> Parse(std::string_view text,
                                          std::string* error);
  std::string ToText() const;

  double Score(const FeatureVector& features) const;
  double Weight(const std::string& feature) const;

  std::map<std::string, double> weights;
};

// One decision the reader took with the model, for --explain.
struct ReaderDecision {
  int line = 0;  // 1-based line of the title-shaped line.
  std::string text;
  bool new_article = false;  // Else read as `alternative`.
  // What the line is when it opens no article: "subhead" (a short title
  // line inside running text) or "text" (a sentence-like line ending in
  // ！ or ？ one blank line after a finished paragraph).
  std::string alternative = "subhead";
  double score = 0;
  // The features that fired with their contribution (value × weight),
  // largest magnitude first.
  FeatureVector contributions;
};

}  // namespace baoku::corpus

#endif  // BAOKU_CORPUS_READER_MODEL_H_
