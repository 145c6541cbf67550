#include "baoku/corpus/correction.h"

#include <catch2/catch.hpp>

namespace baoku::corpus {
namespace {

Article Notice(std::string headline, std::string text,
               Date date = {2026, 6, 17}) {
  Article a;
  a.headline = std::move(headline);
  a.paragraphs = {std::move(text)};
  a.date = date;
  return a;
}

Article Original() {
  Article a;
  a.date = {2026, 6, 10};
  a.page = 2;
  a.headline = "前5个月全市外贸进出口总值86.4亿元";
  a.paragraphs = {"其中,出口58.2亿元,增长15.6%;进口28.2亿元,增长3.3%。"};
  return a;
}

const TextAnalyzer& Analyzer() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

TEST_CASE("Notices are told by their headline or their wording",
          "[correction]") {
  CHECK(IsCorrectionNotice(Notice("更正", "")));
  CHECK(IsCorrectionNotice(Notice("更正启事", "")));
  CHECK(IsCorrectionNotice(Notice("致歉", "")));
  CHECK(IsCorrectionNotice(
      Notice("",
             "本报6月10日第2版《前5个月全市外贸进出口总值86.4亿元》一文中,"
             "“增长3.3%”应为“增长3.8%”。特此更正。")));
  // A story that only mentions a correction is none.
  CHECK_FALSE(IsCorrectionNotice(Notice(
      "市统计局更正去年数据", "市统计局昨日发布公告,对去年数据作出更正。")));
  CHECK_FALSE(IsCorrectionNotice(Notice("一封致歉信背后的故事", "")));
}

TEST_CASE("A notice names date, page, headline and words", "[correction]") {
  auto targets = ParseCorrections(
      Notice("更正",
             "本报6月10日第2版《前5个月全市外贸进出口总值86.4亿元》一文中,"
             "“进口28.2亿元,增长3.3%”应为“进口28.2亿元,增长3.8%”。特此更正,"
             "并向读者致歉。"));
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].date == Date{2026, 6, 10});
  CHECK(targets[0].page == 2);
  CHECK(targets[0].headline == "前5个月全市外贸进出口总值86.4亿元");
  CHECK(targets[0].wrong == "进口28.2亿元,增长3.3%");
  CHECK(targets[0].right == "进口28.2亿元,增长3.8%");
}

TEST_CASE("Years, Chinese page numbers and several targets", "[correction]") {
  // January's notice about December: the year before.
  auto december = ParseCorrections(
      Notice("更正",
             "本报12月30日第三版《新年音乐会门票开售》一文中,“1月1日”应为"
             "“1月2日”。",
             Date{2027, 1, 3}));
  REQUIRE(december.size() == 1);
  CHECK(december[0].date == Date{2026, 12, 30});
  CHECK(december[0].page == 3);

  auto full_width = ParseCorrections(
      Notice("更正",
             "本报２０２６年６月９日第１版刊发的《长城脚下古堡村》一文有误。"));
  REQUIRE(full_width.size() == 1);
  CHECK(full_width[0].date == Date{2026, 6, 9});
  CHECK(full_width[0].page == 1);
  CHECK(full_width[0].headline == "长城脚下古堡村");

  auto two = ParseCorrections(
      Notice("更正启事",
             "本报6月9日第1版《甲文》一文中,“张三”应为“张山”。本报6月11日第3版"
             "《乙文》一文中,“12辆”应为“21辆”。"));
  REQUIRE(two.size() == 2);
  CHECK(two[0].headline == "甲文");
  CHECK(two[0].wrong == "张三");
  CHECK(two[1].date == Date{2026, 6, 11});
  CHECK(two[1].right == "21辆");

  // Without 本报, once even with the year written.
  auto bare = ParseCorrections(
      Notice("更正", "2026年6月9日第1版《甲文》中“张三”应为“张山”,特此更正。"));
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].date == Date{2026, 6, 9});
  CHECK(bare[0].right == "张山");

  // Neither a date nor a headline: nothing to link.
  CHECK(ParseCorrections(Notice("致歉", "因工作疏忽,特向读者致歉。")).empty());
  // A date that does not exist.
  CHECK(ParseCorrections(Notice("更正", "本报2月30日第2版《某文》一文有误。"))
            .empty());
}

TEST_CASE("Corrects() matches the article named", "[correction]") {
  Article original = Original();
  CorrectionTarget by_title{Date{2026, 6, 10}, 2,
                            "前5个月全市外贸进出口总值86.4亿元", "", ""};
  CHECK(Corrects(by_title, original, Analyzer()));
  // Traditional characters in the notice still name it.
  by_title.headline = "前5個月全市外貿進出口總值86.4億元";
  CHECK(Corrects(by_title, original, Analyzer()));
  CorrectionTarget wrong_page = by_title;
  wrong_page.page = 3;
  CHECK_FALSE(Corrects(wrong_page, original, Analyzer()));
  CorrectionTarget wrong_day = by_title;
  wrong_day.date = Date{2026, 6, 11};
  CHECK_FALSE(Corrects(wrong_day, original, Analyzer()));

  // Without a headline: the quoted words must be in the text.
  CorrectionTarget by_words{Date{2026, 6, 10}, 2, "", "增长3.3%", "增长3.8%"};
  CHECK(Corrects(by_words, original, Analyzer()));
  by_words.wrong = "增长9.9%";
  CHECK_FALSE(Corrects(by_words, original, Analyzer()));
  // A day and a page alone name a whole page, not an article.
  CHECK_FALSE(
      Corrects({Date{2026, 6, 10}, 2, "", "", ""}, original, Analyzer()));
}

}  // namespace
}  // namespace baoku::corpus
