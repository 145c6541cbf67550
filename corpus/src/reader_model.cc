#include "baoku/corpus/reader_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "named_values.h"

namespace baoku::corpus {

// corpus/reader_model.txt, compiled in by corpus/CMakeLists.txt
// (reader_model_data.cc.in).
extern const char* const kDefaultReaderModel;

namespace {

constexpr std::string_view kHeader = "baoku-reader-model 1";

}  // namespace

std::optional<ReaderModel> ReaderModel::Parse(std::string_view text,
                                              std::string* error) {
  ReaderModel model;
  auto failed =
      ReadNamedValues(text, kHeader,
                      [&](const std::string& name,
                          double weight) -> std::optional<std::string> {
                        model.weights[name] = weight;
                        return std::nullopt;
                      });
  if (failed) {
    if (error) *error = *failed;
    return std::nullopt;
  }
  return model;
}

std::string ReaderModel::ToText() const {
  std::string out = std::string(kHeader) + "\n";
  char buf[64];
  for (const auto& [name, w] : weights) {
    std::snprintf(buf, sizeof buf, "\t%.6f\n", w);
    out += name + buf;
  }
  return out;
}

double ReaderModel::Weight(const std::string& feature) const {
  auto it = weights.find(feature);
  return it == weights.end() ? 0.0 : it->second;
}

double ReaderModel::Score(const FeatureVector& features) const {
  double s = 0;
  for (const auto& [name, value] : features) s += value * Weight(name);
  return s;
}

const ReaderModel& ReaderModel::Default() {
  static const ReaderModel model = [] {
    std::string error;
    auto parsed = Parse(kDefaultReaderModel, &error);
    // The file is checked by a test; a broken one is a build defect.
    if (!parsed) std::abort();
    return *parsed;
  }();
  return model;
}

}  // namespace baoku::corpus
