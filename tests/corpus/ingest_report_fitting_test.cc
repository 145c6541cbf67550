#include "ingest_report_fitting.h"

#include <catch2/catch.hpp>

#include "gold.h"
#include "test_support.h"

namespace baoku::testing {
namespace {

TEST_CASE("Detection counts recall, false alarms and F1 at equal shares",
          "[report]") {
  Detection d;
  d.glued = 10;
  d.glued_flagged = 8;
  d.clean = 20;
  d.clean_flagged = 2;
  CHECK(d.Recall() == Approx(0.8));
  CHECK(d.FalseAlarmRate() == Approx(0.1));
  // Precision 0.8 / (0.8 + 0.1).
  CHECK(d.F1() == Approx(2 * (0.8 / 0.9) * 0.8 / (0.8 / 0.9 + 0.8)));
  CHECK(Detection{}.F1() == 0);
}

TEST_CASE("Glued sample pages lose a story boundary or its byline",
          "[report]") {
  const GoldLayout samples{"samples", SamplesDir()};
  auto pages = GluedAndCleanPages(samples, UndatedGoldDefaults());
  size_t clean = 0, glued = 0, merged = 0;
  for (const auto& p : pages) {
    INFO(p.file << " glued at line " << p.glued_line);
    CHECK_FALSE(p.reading.error);
    if (!p.glued) {
      ++clean;
      continue;
    }
    ++glued;
    CHECK(p.glued_line > 1);
    merged += !p.read_apart;
  }
  CHECK(clean >= 27);
  CHECK(glued >= 20);
  // The reader reads most glued stories apart (and the report flags them
  // "no-byline"); some it merges, which is what the thresholds are for.
  CHECK(merged >= 1);
  CHECK(merged < glued);
}

TEST_CASE("The thresholds fitted on the samples keep them quiet", "[report]") {
  const GoldLayout samples{"samples", SamplesDir()};
  std::vector<std::vector<FitPage>> layouts = {
      GluedAndCleanPages(samples, UndatedGoldDefaults())};
  corpus::IngestThresholds fitted = FitThresholds(layouts);
  Detection d = Detect(layouts, fitted);
  CHECK(d.FalseAlarmRate() <= 0.02);
  CHECK(d.Recall() > 0);
  // The shipped thresholds are quiet on the samples too.
  CHECK(Detect(layouts, corpus::IngestThresholds::Default()).clean_flagged ==
        0);
}

}  // namespace
}  // namespace baoku::testing
