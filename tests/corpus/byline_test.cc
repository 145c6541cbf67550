#include "byline.h"

#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

using Names = std::vector<std::string>;

TEST_CASE("ParseBylineLine reads the printed byline forms", "[byline]") {
  struct Case {
    const char* line;
    Names reporters;
    Names photographers;
    Names correspondents;
  };
  const Case cases[] = {
      {"本报记者 张子珂", {"张子珂"}, {}, {}},
      {"本报记者 李佳 赵明远", {"李佳", "赵明远"}, {}, {}},
      {"本报记者　李佳、赵明远", {"李佳", "赵明远"}, {}, {}},
      {"本报记者张子珂", {"张子珂"}, {}, {}},
      {"见习记者 苏畅", {"苏畅"}, {}, {}},
      {"本报通讯员 孟凡", {}, {}, {"孟凡"}},
      {"本报记者 陈宇 通讯员 刘洋", {"陈宇"}, {}, {"刘洋"}},
      {"文/图 本报记者 杨帆", {"杨帆"}, {"杨帆"}, {}},
      {"本报记者 买买提·艾力", {"买买提·艾力"}, {}, {}},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto b = ParseBylineLine(c.line);
    REQUIRE(b.has_value());
    CHECK(b->reporters == c.reporters);
    CHECK(b->photographers == c.photographers);
    CHECK(b->correspondents == c.correspondents);
    CHECK(b->text == std::string(c.line));
  }
}

TEST_CASE("ParseBylineLine reads markers, photo and trainee forms",
          "[byline]") {
  struct Case {
    const char* line;
    const char* printed;  // The byline text, marker removed.
    Names reporters;
    Names photographers;
    Names correspondents;
  };
  const Case cases[] = {
      {"□本报记者　欧阳雪　司马远",
       "本报记者　欧阳雪　司马远",
       {"欧阳雪", "司马远"},
       {},
       {}},
      {"■记者 林可", "记者 林可", {"林可"}, {}, {}},
      {"◎本报实习生 上官宁 通讯员 程明",
       "本报实习生 上官宁 通讯员 程明",
       {"上官宁"},
       {},
       {"程明"}},
      {"▲文/皇甫晨 图/柏青", "文/皇甫晨 图/柏青", {"皇甫晨"}, {"柏青"}, {}},
      {"文·图/苏禾", "文·图/苏禾", {"苏禾"}, {"苏禾"}, {}},
      {"●本报特约记者 顾盼 夏知秋 曹雨桐 田野",
       "本报特约记者 顾盼 夏知秋 曹雨桐 田野",
       {"顾盼", "夏知秋", "曹雨桐", "田野"},
       {},
       {}},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    auto b = ParseBylineLine(c.line);
    REQUIRE(b.has_value());
    CHECK(b->text == std::string(c.printed));
    CHECK(b->reporters == c.reporters);
    CHECK(b->photographers == c.photographers);
    CHECK(b->correspondents == c.correspondents);
  }
  // A title that starts with 记者 is not a byline.
  CHECK_FALSE(ParseBylineLine("记者追踪"));
  CHECK_FALSE(ParseBylineLine("记者手记"));
  auto credit = ParsePhotoCredit("■本报记者　岳小川　摄");
  REQUIRE(credit.has_value());
  CHECK(credit->photographers == Names{"岳小川"});
}

TEST_CASE("ParseLead reads copy taken from an agency", "[byline]") {
  auto lead = ParseLead("据新华社电　记者从国家防汛抗旱总指挥部获悉，……");
  REQUIRE(lead.has_value());
  CHECK(lead->byline.text == "据新华社电");
  CHECK(lead->byline.source == "新华社");
  CHECK(lead->rest == "记者从国家防汛抗旱总指挥部获悉，……");
}

TEST_CASE("ParseBylineLine rejects text that only starts like a byline",
          "[byline]") {
  for (const char* line :
       {"本报记者从市住建局获悉,全市维修资金归集工作已全面完成。", "记者",
        "本报记者 ", "打破壁垒,织密“一张网”", "本报讯(记者宋向红)近日",
        "本报记者 张子珂张子珂张子珂"}) {
    INFO(line);
    CHECK_FALSE(ParseBylineLine(line).has_value());
  }
  auto commentary = ParseBylineLine("本报评论员");
  REQUIRE(commentary);
  CHECK(commentary->commentary);
  CHECK(commentary->reporters.empty());
}

TEST_CASE("ParsePhotoCredit reads photographers", "[byline]") {
  auto a = ParsePhotoCredit("本报记者 刘勇 摄");
  REQUIRE(a);
  CHECK(a->photographers == Names{"刘勇"});
  CHECK(a->reporters.empty());
  auto b = ParsePhotoCredit("孙立新 摄");
  REQUIRE(b);
  CHECK(b->photographers == Names{"孙立新"});
  CHECK_FALSE(ParsePhotoCredit("游客在展厅拍摄").has_value());
  CHECK_FALSE(ParsePhotoCredit("摄").has_value());
}

TEST_CASE("ParseTrailingAuthor reads (name) lines", "[byline]") {
  auto a = ParseTrailingAuthor("(孙娜娜)");
  REQUIRE(a);
  CHECK(a->reporters == Names{"孙娜娜"});
  auto b = ParseTrailingAuthor("（记者 王一 李二）");
  REQUIRE(b);
  CHECK(b->reporters == Names{"王一", "李二"});
  CHECK_FALSE(ParseTrailingAuthor("(区、市)").has_value());
  CHECK_FALSE(ParseTrailingAuthor("(下转第2版)").has_value());
  CHECK_FALSE(ParseTrailingAuthor("(孙娜娜) 后记").has_value());
}

TEST_CASE("ParseLead splits the byline off a first paragraph", "[byline]") {
  struct Case {
    const char* paragraph;
    const char* byline;
    const char* rest;
    Names reporters;
    Names correspondents;
    const char* source;
    const char* dateline;
  };
  const Case cases[] = {
      {"本报讯(记者宋向红)近日,大赛落幕。",
       "本报讯(记者宋向红)",
       "近日,大赛落幕。",
       {"宋向红"},
       {},
       "本报",
       ""},
      {"本报讯（记者 陈宇 通讯员 刘洋）6月8日,",
       "本报讯（记者 陈宇 通讯员 刘洋）",
       "6月8日,",
       {"陈宇"},
       {"刘洋"},
       "本报",
       ""},
      {"本报讯 近日,山西银行", "本报讯", "近日,山西银行", {}, {}, "本报", ""},
      {"新华社北京6月10日电(记者 王琦 李响)国务院新闻办公室",
       "新华社北京6月10日电(记者 王琦 李响)",
       "国务院新闻办公室",
       {"王琦", "李响"},
       {},
       "新华社",
       "新华社北京6月10日电"},
  };
  for (const auto& c : cases) {
    INFO(c.paragraph);
    auto lead = ParseLead(c.paragraph);
    REQUIRE(lead.has_value());
    CHECK(lead->byline.text == c.byline);
    CHECK(lead->rest == c.rest);
    CHECK(lead->byline.reporters == c.reporters);
    CHECK(lead->byline.correspondents == c.correspondents);
    CHECK(lead->byline.source == c.source);
    CHECK(lead->byline.dateline == c.dateline);
  }
  CHECK_FALSE(ParseLead("近日,本报讯").has_value());
}

}  // namespace
}  // namespace baoku::corpus
