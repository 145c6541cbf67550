// The handlers' shared helpers (web/src/handlers.h, private to web/).
#include "handlers.h"

#include <catch2/catch.hpp>

namespace baoku::web::internal {
namespace {

TEST_CASE("BriefJson cuts the lead and names topics", "[handlers]") {
  corpus::Article a;
  a.id = "yzrb-20260611-01-01";
  a.headline = "夜间公交专线开通";
  a.subheads = {"一、线路"};
  a.paragraphs = {"一、线路", std::string(30, 'x') + std::string("公交") +
                                  std::string(60, 'y')};
  a.topics = {{"transport", 0.9, false}};
  auto brief = BriefJson(a, search::TopicNames{});
  CHECK(brief["title"] == "夜间公交专线开通");
  // The subhead is skipped; 80 code points, then an ellipsis.
  std::string lead = brief["lead"];
  CHECK(lead.rfind(std::string(30, 'x') + "公交", 0) == 0);
  CHECK(lead.size() == 30 + 6 + 48 + 3);
  CHECK(brief["topics"][0]["value"] == "transport");
  CHECK(brief["topics"][0]["label"] == "transport");  // Unknown: the id.
  CHECK(brief["topics"][0]["score"] == 0.9);
}

}  // namespace
}  // namespace baoku::web::internal
