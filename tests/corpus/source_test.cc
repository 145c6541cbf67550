#include "baoku/corpus/source.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

Article WithByline(std::string byline, std::string dateline = "",
                   std::string source = "") {
  Article a;
  a.byline = std::move(byline);
  a.dateline = std::move(dateline);
  a.source = std::move(source);
  return a;
}

TEST_CASE("The source category comes from the byline", "[source]") {
  CHECK(SourceCategory(WithByline("本报讯(记者宋向红)")) == "本报");
  CHECK(SourceCategory(WithByline("□本报记者　张子珂")) == "本报");
  CHECK(SourceCategory(WithByline("据新华社电")) == "新华社");
  CHECK(SourceCategory(WithByline("", "新华社北京6月10日电", "新华社")) ==
        "新华社");
  CHECK(SourceCategory(WithByline("", "中新社北京6月10日电")) == "中新社");
  CHECK(SourceCategory(WithByline("据中新网报道")) == "中新社");
  CHECK(SourceCategory(WithByline("据人民网报道")) == "人民网");
  CHECK(SourceCategory(WithByline("据央视新闻报道")) == "其他媒体");
  CHECK(SourceCategory(WithByline("据云州晚报消息")) == "其他媒体");
  CHECK(SourceCategory(WithByline("本报综合")) == "综合");
  CHECK(SourceCategory(WithByline("综合新华社、人民网报道")) == "综合");
}

TEST_CASE("A credit line at the end and bare reporters count", "[source]") {
  Article credited;
  credited.paragraphs = {"今年以来,各地加快推进……", "(综合新华社、中新社报道)"};
  CHECK(SourceCategory(credited) == "综合");
  credited.paragraphs.back() = "(据新华社)";
  CHECK(SourceCategory(credited) == "新华社");

  Article staff;
  staff.byline = "文/林书言";
  staff.reporters = {"林书言"};
  CHECK(SourceCategory(staff) == "本报");

  Article unknown;
  unknown.paragraphs = {"据了解,全市已建成社区老年助餐点238个。"};
  CHECK(SourceCategory(unknown).empty());
}

TEST_CASE("Every category is listed", "[source]") {
  for (const char* c :
       {"本报", "新华社", "中新社", "人民网", "其他媒体", "综合"}) {
    CHECK(std::find(SourceCategories().begin(), SourceCategories().end(), c) !=
          SourceCategories().end());
  }
}

}  // namespace
}  // namespace baoku::corpus
