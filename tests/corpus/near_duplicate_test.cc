#include "baoku/corpus/near_duplicate.h"

#include <catch2/catch.hpp>
#include <string>

#include "reprint_fixtures.h"

namespace baoku::corpus {
namespace {

using testing::kAbridgedReprint;
using testing::kOtherRiverStory;
using testing::kReport;

TEST_CASE("Shingle text is normalized and keeps only letters and digits",
          "[near_duplicate]") {
  CHECK(ShingleText("資訊，２０１８年 ABC！") == "资讯2018年abc");
  CHECK(Shingles("四个字").empty());
  CHECK(Shingles("五个字符串").size() == 1);
  // Punctuation and width do not change the shingles.
  CHECK(Shingles("清溪河，治理工程。") == Shingles("清溪河治理工程"));
}

TEST_CASE("An abridged, edited reprint scores high; another story low",
          "[near_duplicate]") {
  const auto report = ComputeMinHash(kReport);
  const auto reprint = ComputeMinHash(kAbridgedReprint);
  const auto other = ComputeMinHash(kOtherRiverStory);
  REQUIRE(report);
  REQUIRE(reprint);
  REQUIRE(other);
  const double exact_reprint =
      Jaccard(Shingles(kReport), Shingles(kAbridgedReprint));
  const double exact_other =
      Jaccard(Shingles(kReport), Shingles(kOtherRiverStory));
  CHECK(exact_reprint > 0.6);
  CHECK(exact_other < 0.05);
  CHECK(EstimatedJaccard(*report, *reprint) >= kNearDuplicateThreshold);
  CHECK(EstimatedJaccard(*report, *other) < kNearDuplicateThreshold);
  // The estimate is near the exact value (64 hashes: standard error ≤ 0.07).
  CHECK(EstimatedJaccard(*report, *reprint) ==
        Approx(exact_reprint).margin(0.2));
  // The reprint shares at least one band with the report; the other story
  // shares none.
  const auto report_bands = BandKeys(*report);
  const auto reprint_bands = BandKeys(*reprint);
  const auto other_bands = BandKeys(*other);
  size_t shared_reprint = 0, shared_other = 0;
  for (size_t b = 0; b < kBandCount; ++b) {
    shared_reprint += report_bands[b] == reprint_bands[b];
    shared_other += report_bands[b] == other_bands[b];
  }
  CHECK(shared_reprint > 0);
  CHECK(shared_other == 0);
  // The hashes the indexer groups by (no band terms since schema 5) agree
  // with the keys band for band, and differ between bands of equal rows.
  const auto report_hashes = BandHashes(*report);
  const auto reprint_hashes = BandHashes(*reprint);
  for (size_t b = 0; b < kBandCount; ++b) {
    CHECK((report_hashes[b] == reprint_hashes[b]) ==
          (report_bands[b] == reprint_bands[b]));
  }
  MinHashSignature flat{};
  const auto flat_hashes = BandHashes(flat);
  CHECK(flat_hashes[0] != flat_hashes[1]);
}

TEST_CASE("Signatures are deterministic and round-trip through bytes",
          "[near_duplicate]") {
  const auto a = ComputeMinHash(kReport);
  const auto b = ComputeMinHash(kReport);
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
  CHECK(EstimatedJaccard(*a, *b) == 1.0);
  const std::string bytes = EncodeSignature(*a);
  CHECK(bytes.size() == kMinHashSize * 4);
  CHECK(DecodeSignature(bytes) == a);
  CHECK_FALSE(DecodeSignature(bytes.substr(1)));
  // Band keys differ between bands even for equal rows: the band number
  // is part of the key.
  const auto keys = BandKeys(*a);
  CHECK(keys.size() == kBandCount);
  CHECK(keys[0].substr(0, 2) == "00");
  CHECK(keys[1].substr(0, 2) == "01");
}

TEST_CASE("Short texts get no signature", "[near_duplicate]") {
  CHECK_FALSE(ComputeMinHash("更正：昨日本版一文中的日期有误。"));
  CHECK_FALSE(ComputeMinHash(""));
}

}  // namespace
}  // namespace baoku::corpus
