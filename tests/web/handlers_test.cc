// The handlers' shared helpers (web/src/handlers.h, private to web/).
#include "handlers.h"

#include <catch2/catch.hpp>

namespace baoku::web::internal {
namespace {

TEST_CASE("InstalmentNumber reads the number a series prints", "[handlers]") {
  struct Case {
    const char* headline;
    const char* kicker;
    std::optional<int> number;
  };
  const Case cases[] = {
      {"7.物业服务合同到期后,业主该怎么办?", "", 7},
      {"11．邻居在楼道里堆放杂物，该怎么办？", "", 11},
      {"１２、指标到校生需要满足什么条件？", "", 12},
      {"三、小区公共收益归谁所有?", "", 3},
      {"城市更新面对面", "第3期", 3},
      {"第十二问:物业费怎么算", "", 12},
      {"第二十三讲 家门口的法律课", "", 23},
      {"老街巷里的“微更新”（三）", "", 3},
      {"云州非遗寻访(10)", "", 10},
      {"古堡村见闻之五", "", 5},
      {"2026年中考招生政策问答", "", std::nullopt},
      {"5G基站覆盖全部乡镇", "", std::nullopt},
      {"第一书记的一天", "", std::nullopt},
      {"全省马铃薯主产区之一在哪里", "", std::nullopt},
      {"夜间公交专线开通", "", std::nullopt},
      {"", "", std::nullopt},
  };
  for (const auto& c : cases) {
    INFO(c.headline << " / " << c.kicker);
    corpus::Article a;
    a.headline = c.headline;
    a.kicker = c.kicker;
    CHECK(InstalmentNumber(a) == c.number);
  }
}

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
  CHECK(brief["topics"][0]["id"] == "transport");
  CHECK(brief["topics"][0]["name"] == "transport");  // Unknown: the id.
}

}  // namespace
}  // namespace baoku::web::internal
