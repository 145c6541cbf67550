#include "baoku/corpus/ingest_thresholds.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace baoku::corpus {
namespace {

TEST_CASE("Ingest thresholds read back what they write", "[report]") {
  IngestThresholds t;
  t.much_longer_ratio = 2.5;
  t.doubtful_probability = 0.2;
  t.unusual_count_ratio = 1.75;
  std::string error;
  auto back = IngestThresholds::Parse(t.ToText(), &error);
  INFO(error);
  REQUIRE(back.has_value());
  CHECK(back->much_longer_ratio == 2.5);
  CHECK(back->doubtful_probability == 0.2);
  CHECK(back->unusual_count_ratio == 1.75);
}

TEST_CASE("A bad ingest thresholds file is refused naming the line",
          "[report]") {
  const std::string header = "baoku-ingest-thresholds 1\n";
  const std::string rest =
      "doubtful_probability\t0.3\nunusual_count_ratio\t2\n";
  std::string error;
  CHECK_FALSE(IngestThresholds::Parse("", &error));
  CHECK(error.find("line 0") != std::string::npos);
  CHECK_FALSE(IngestThresholds::Parse("baoku-ingest-thresholds 2\n", &error));
  CHECK(error.find("line 1") != std::string::npos);
  // A ratio of 1 or less would flag every page.
  CHECK_FALSE(IngestThresholds::Parse(
      header + "much_longer_ratio\t0.9\n" + rest, &error));
  CHECK(error.find("line 2") != std::string::npos);
  CHECK(error.find("much_longer_ratio") != std::string::npos);
  CHECK_FALSE(IngestThresholds::Parse(header + "much_longer_ratio\t3x\n" + rest,
                                      &error));
  CHECK(error.find("line 2") != std::string::npos);
  CHECK_FALSE(IngestThresholds::Parse(
      header + "much_longer_ratio\t3\nbogus\t1\n" + rest, &error));
  CHECK(error.find("line 3") != std::string::npos);
  CHECK_FALSE(IngestThresholds::Parse(header + rest, &error));
  CHECK(error.find("missing threshold 'much_longer_ratio'") !=
        std::string::npos);
}

TEST_CASE("The shipped ingest thresholds are the compiled-in file",
          "[report]") {
  std::string error;
  auto file = IngestThresholds::Parse(
      testing::ReadFile(testing::SourceDir() / "corpus" /
                        "ingest_thresholds.txt"),
      &error);
  INFO(error);
  REQUIRE(file.has_value());
  const IngestThresholds& shipped = IngestThresholds::Default();
  CHECK(shipped.much_longer_ratio == file->much_longer_ratio);
  CHECK(shipped.doubtful_probability == file->doubtful_probability);
  CHECK(shipped.unusual_count_ratio == file->unusual_count_ratio);
}

}  // namespace
}  // namespace baoku::corpus
