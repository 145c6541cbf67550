#include "baoku/corpus/near_duplicate.h"

#include <catch2/catch.hpp>
#include <string>

namespace baoku::corpus {
namespace {

// Fictional stories written for this test: a report, a reprint of it that
// is abridged (last paragraph dropped) and edited (a few words changed),
// and another report on the same topic (a river clean-up) in other words.
constexpr std::string_view kReport =
    "本报讯（记者 林晓舟）清溪河治理工程昨日全面完工，沿岸十二个村庄的"
    "生活污水从此接入管网，不再直排河道。工程历时两年，共铺设污水管道"
    "四十六公里，新建提升泵站三座。\n"
    "据县水务局介绍，治理后的清溪河水质已由劣五类提升至三类，河道两侧"
    "还修建了八公里长的滨河步道，供附近居民散步健身。\n"
    "家住下湾村的王大爷说，小时候常在河里游泳，后来河水发黑发臭，孩子们"
    "再也不敢下水。如今河水又清了，他每天傍晚都来河边走走。\n"
    "县水务局表示，下一步将建立河长巡查制度，每周对河道进行一次检查，"
    "确保治理成果长期保持。";

constexpr std::string_view kAbridgedReprint =
    "清溪河治理工程全面完工（转载）\n"
    "清溪河治理工程日前全面完工，沿岸十二个村庄的生活污水从此接入管网，"
    "不再直排河道。工程历时两年，共铺设污水管道四十六公里，新建提升泵站"
    "三座。\n"
    "据县水务局介绍，治理后的清溪河水质已由劣五类提升至三类，河道两侧"
    "还修建了八公里长的滨河步道，供附近居民散步健身。\n"
    "家住下湾村的王大爷说，小时候常在河里游泳，后来河水发黑发臭，孩子们"
    "再也不敢下水。如今河水又清了，他每天傍晚都到河边走走。";

constexpr std::string_view kOtherRiverStory =
    "本报讯（记者 陈雨）东港镇启动白沙河清淤行动，计划在汛期前清理河道"
    "淤泥五万立方米。镇政府组织了二十台挖掘机分段作业，并请来环保专家"
    "现场指导，防止淤泥二次污染。\n"
    "镇里的渔民李师傅告诉记者，河道淤积多年，渔船进出十分困难，清淤后"
    "他打算重新修补渔网。镇政府还将在河口设立水质监测点，每月公布一次"
    "监测结果，接受群众监督。";

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
  CHECK(EstimatedJaccard(*report, *other) < 0.2);
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
