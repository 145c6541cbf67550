// gzip of JSON answers (web/src/compression.h).
#include "compression.h"

#include <catch2/catch.hpp>

#include "serve_fixture.h"

namespace baoku::web::internal {
namespace {

using testing::Gunzip;

TEST_CASE("AcceptsGzip reads Accept-Encoding with q values", "[compression]") {
  CHECK(AcceptsGzip("gzip"));
  CHECK(AcceptsGzip("gzip, deflate, br"));
  CHECK(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  CHECK(AcceptsGzip("*"));
  CHECK(AcceptsGzip("x-gzip"));
  CHECK_FALSE(AcceptsGzip(""));
  CHECK_FALSE(AcceptsGzip("identity"));
  CHECK_FALSE(AcceptsGzip("br, deflate"));
  CHECK_FALSE(AcceptsGzip("gzip;q=0"));
  CHECK_FALSE(AcceptsGzip("gzip; q=0.000"));
  CHECK(AcceptsGzip("gzip;q=0.001"));
  CHECK_FALSE(AcceptsGzip("gzipped"));
}

TEST_CASE("Gzip makes a gzip member that inflates back", "[compression]") {
  std::string body;
  for (int i = 0; i < 200; ++i) {
    body += "{\"id\":\"yzrb-20260611-01-0" + std::to_string(i % 10) +
            "\",\"title\":\"夜间公交专线开通\"},";
  }
  auto gzipped = Gzip(body);
  REQUIRE(gzipped);
  CHECK(gzipped->size() < body.size() / 4);
  CHECK(static_cast<unsigned char>((*gzipped)[0]) == 0x1f);
  CHECK(static_cast<unsigned char>((*gzipped)[1]) == 0x8b);
  CHECK(Gunzip(*gzipped) == body);
  auto empty = Gzip("");
  REQUIRE(empty);
  CHECK(Gunzip(*empty).empty());
}

}  // namespace
}  // namespace baoku::web::internal
