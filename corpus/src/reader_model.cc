#include "baoku/corpus/reader_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "baoku/corpus/utf8.h"

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
  int line_no = 0;
  bool header = false;
  size_t pos = 0;
  auto fail = [&](const std::string& what) {
    if (error) *error = "line " + std::to_string(line_no) + ": " + what;
    return std::nullopt;
  };
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == text.npos) end = text.size();
    std::string_view line = utf8::Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (!header) {
      if (line != kHeader) {
        return fail("expected '" + std::string(kHeader) + "', got '" +
                    std::string(line) + "'");
      }
      header = true;
      continue;
    }
    size_t tab = line.find('\t');
    if (tab == line.npos) return fail("expected 'feature<TAB>weight'");
    std::string name(utf8::Trim(line.substr(0, tab)));
    std::string number(utf8::Trim(line.substr(tab + 1)));
    char* number_end = nullptr;
    double w = std::strtod(number.c_str(), &number_end);
    if (name.empty() || number.empty() || *number_end != '\0' ||
        !std::isfinite(w)) {
      return fail("bad weight '" + number + "' for '" + name + "'");
    }
    model.weights[name] = w;
  }
  if (!header) {
    line_no = 0;
    return fail("empty model, expected '" + std::string(kHeader) + "'");
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
