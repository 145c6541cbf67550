// The page reader's quality gate: CI fails when the reader falls below it on
// the bundled sample pages.
#include "reader_quality.h"

#include <catch2/catch.hpp>
#include <iostream>

#include "gold.h"
#include "reader_training.h"
#include "test_support.h"

namespace baoku::testing {
namespace {

TEST_CASE("The reader meets the quality bar on every sample page",
          "[reader][quality]") {
  ReaderQuality q = MeasureReader({SamplesDir()}, {});
  std::cout << q.ToTable();
  CHECK(q.pages >= 12);
  CHECK(q.boundary_f1 >= 0.98);
  CHECK(q.reporter_f1 >= 0.98);
  CHECK(q.photographer_f1 >= 0.98);
  CHECK(q.title_block_exact >= 0.95);
  CHECK(q.body_char_accuracy >= 0.99);
  CHECK(q.kind_accuracy >= 0.98);
}

TEST_CASE("The quality measure sees a wrong split", "[reader][quality]") {
  // Two articles read as one: boundary recall and body accuracy drop.
  auto gold = SamplesDir() / "2026-06-09" / "01.gold.json";
  corpus::PageReading reading =
      corpus::ReadPageFile(SamplesDir() / "2026-06-09" / "01.txt", {});
  REQUIRE(reading.articles.size() >= 2);
  auto& first = reading.articles[0];
  auto& second = reading.articles[1];
  first.paragraphs.insert(first.paragraphs.end(), second.paragraphs.begin(),
                          second.paragraphs.end());
  reading.articles.erase(reading.articles.begin() + 1);
  ReaderQualityCounter counter;
  counter.AddPage(reading, gold);
  ReaderQuality q = counter.Result();
  CHECK(q.boundary_precision == 1.0);
  CHECK(q.boundary_recall < 1.0);
  CHECK(q.body_char_accuracy < 1.0);
  CHECK(q.reporter_f1 < 1.0);
}

// Leave one layout out: the model is fitted without the held-out layout's
// pages (nor any page in the same conventions) and scored on them.
TEST_CASE("The reader holds on every layout it was not fitted on",
          "[reader][quality]") {
  auto layouts = LayoutsUnder(SourceDir() / "corpus" / "gold");
  REQUIRE(layouts.size() >= 4);
  layouts.push_back({"samples", SamplesDir()});
  auto rows = LeaveOneLayoutOut(layouts, {});
  std::cout << HeldOutTable(rows);
  size_t gold_pages = 0;
  for (const auto& row : rows) {
    INFO(row.layout);
    CHECK(row.quality.pages >= 16);
    CHECK(row.training_decisions >= 50);
    CHECK(row.quality.boundary_f1 >= 0.95);
    CHECK(row.quality.reporter_f1 >= 0.95);
    CHECK(row.quality.title_block_exact >= 0.90);
    if (row.layout != "samples") gold_pages += row.quality.pages;
  }
  CHECK(gold_pages >= 60);
}

// The gold layouts share their stories: held out by story as well, each
// page is read with a model fitted on no page holding any of its stories.
TEST_CASE("The reader holds on layouts and stories it was not fitted on",
          "[reader][quality]") {
  auto layouts = LayoutsUnder(SourceDir() / "corpus" / "gold");
  REQUIRE(layouts.size() >= 4);
  layouts.push_back({"samples", SamplesDir()});
  auto rows = LeaveOneLayoutAndStoryOut(layouts, {});
  std::cout << HeldOutTable(rows);
  for (const auto& row : rows) {
    INFO(row.layout);
    CHECK(row.quality.pages >= 16);
    CHECK(row.training_decisions >= 40);
    CHECK(row.quality.boundary_f1 >= 0.95);
    CHECK(row.quality.reporter_f1 >= 0.95);
    CHECK(row.quality.title_block_exact >= 0.90);
  }
}

TEST_CASE("The shipped reader model is the one fitted on all gold pages",
          "[reader][quality]") {
  // Weights are fitted, never typed in: refitting reproduces the file.
  auto examples = CollectExamples(
      FindGoldFiles({SamplesDir(), SourceDir() / "corpus" / "gold"}), {});
  corpus::ReaderModel fitted = FitReaderModel(examples);
  const auto& shipped = corpus::ReaderModel::Default();
  REQUIRE(fitted.weights.size() == shipped.weights.size());
  for (const auto& [name, weight] : fitted.weights) {
    INFO(name);
    CHECK(shipped.Weight(name) == Approx(weight).margin(2e-4));
  }
}

}  // namespace
}  // namespace baoku::testing
