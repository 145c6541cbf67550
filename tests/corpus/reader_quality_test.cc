// The page reader's quality gate: CI fails when the reader falls below it on
// the bundled sample pages.
#include "reader_quality.h"

#include <catch2/catch.hpp>
#include <iostream>

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

}  // namespace
}  // namespace baoku::testing
