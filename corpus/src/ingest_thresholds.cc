#include "baoku/corpus/ingest_thresholds.h"

#include <cstdio>
#include <cstdlib>
#include <set>

#include "named_values.h"

namespace baoku::corpus {

// corpus/ingest_thresholds.txt, compiled in by corpus/CMakeLists.txt
// (ingest_thresholds_data.cc.in).
extern const char* const kDefaultIngestThresholds;

namespace {

constexpr std::string_view kHeader = "baoku-ingest-thresholds 1";

struct Field {
  const char* name;
  double IngestThresholds::*value;
  double low, high;  // Exclusive low, inclusive high.
};

constexpr Field kFields[] = {
    {"much_longer_ratio", &IngestThresholds::much_longer_ratio, 1.0, 1e6},
    {"doubtful_probability", &IngestThresholds::doubtful_probability, 0.0, 0.5},
    {"unusual_count_ratio", &IngestThresholds::unusual_count_ratio, 1.0, 1e6},
};

}  // namespace

std::optional<IngestThresholds> IngestThresholds::Parse(std::string_view text,
                                                        std::string* error) {
  IngestThresholds out;
  std::set<std::string> seen;
  auto failed = ReadNamedValues(
      text, kHeader,
      [&](const std::string& name, double v) -> std::optional<std::string> {
        for (const Field& f : kFields) {
          if (name != f.name) continue;
          if (v <= f.low || v > f.high) {
            char range[96];
            std::snprintf(range, sizeof range, "%s is %g, must be in (%g, %g]",
                          f.name, v, f.low, f.high);
            return std::string(range);
          }
          out.*(f.value) = v;
          seen.insert(name);
          return std::nullopt;
        }
        return "unknown threshold '" + name + "'";
      });
  if (!failed) {
    for (const Field& f : kFields) {
      if (!seen.count(f.name)) {
        failed = std::string("missing threshold '") + f.name + "'";
        break;
      }
    }
  }
  if (failed) {
    if (error) *error = *failed;
    return std::nullopt;
  }
  return out;
}

std::string IngestThresholds::ToText() const {
  std::string out = std::string(kHeader) + "\n";
  char buf[64];
  for (const Field& f : kFields) {
    std::snprintf(buf, sizeof buf, "\t%.4f\n", this->*(f.value));
    out += f.name + std::string(buf);
  }
  return out;
}

const IngestThresholds& IngestThresholds::Default() {
  static const IngestThresholds thresholds = [] {
    std::string error;
    auto parsed = Parse(kDefaultIngestThresholds, &error);
    // The file is checked by a test; a broken one is a build defect.
    if (!parsed) std::abort();
    return *parsed;
  }();
  return thresholds;
}

}  // namespace baoku::corpus
