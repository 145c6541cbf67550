// A fictional issue of two pages for the prominence tests (corpus,
// indexer, search, web), written for them. Page 1: a page header (page
// furniture), the lead story, a second story, a captioned photo, a story
// signed 文/图. Page 2: the rest of page 1's lead (上接第1版), a 简讯 run,
// then the page's first story of its own, then one more.
#ifndef BAOKU_TESTS_PROMINENCE_FIXTURES_H_
#define BAOKU_TESTS_PROMINENCE_FIXTURES_H_

#include <string_view>

namespace baoku::testing {

// Every story below mentions 管网 once in its body, so that a search for it
// finds stories of equal text weight on both pages.
constexpr std::string_view kProminencePage1 =
    "\n\n2026年7月1日 星期三 责任编辑:方可\n\n"
    "桥西片区老旧管网改造全面开工\n\n"
    "本报记者 石小川\n\n"
    "6月30日,桥西片区老旧供水管网改造工程在石榴巷破土动工,涉及12个小区、"
    "4300余户居民,计划年底前完工。\n\n"
    "工程将更换铸铁管道18公里,同步改造入户水表,改造期间各小区分段停水,"
    "停水时间提前三天公告。\n\n"
    "(下转第2版)\n\n\n\n"
    "夜市经济点亮城南街巷\n\n"
    "本报讯(记者 钟明)6月30日晚,城南青石街夜市开市,120个摊位当晚迎客"
    "逾万人次,街区同步完成了管网检修。\n\n\n\n"
    "6月30日,市民在新落成的滨河公园散步纳凉。\n\n"
    "本报记者 郭原 摄\n\n\n\n"
    "社区食堂开进老街坊\n\n"
    "文/图 本报记者 温一禾\n\n"
    "6月29日,柳荫社区食堂开门营业,老人凭卡就餐可享八折优惠,厨房"
    "燃气管网已经验收。\n";

constexpr std::string_view kProminencePage2 =
    "\n\n桥西片区老旧管网改造\n\n"
    "(上接第1版)\n\n"
    "施工单位表示,将尽量缩短停水时间,并在各小区设置临时供水点。\n\n\n\n"
    "简讯\n\n"
    "●城东新增公交线路两条\n\n"
    "7月1日起,城东新开通公交线路两条,串联三个大型社区。(钟明)\n\n"
    "●7月1日,市图书馆延长夜间开放时间至晚上9点。(温一禾)\n\n\n\n"
    "雨水管网清淤迎汛期\n\n"
    "本报记者 石小川\n\n"
    "入汛以来,市排水公司对城区主要道路雨水管网进行清淤,累计清理淤泥"
    "860吨。\n\n\n\n"
    "老旧小区加装电梯提速\n\n"
    "本报记者 钟明\n\n"
    "今年我市计划为老旧小区加装电梯200部,已完成审批的小区同步改造地下"
    "管网。\n";

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_PROMINENCE_FIXTURES_H_
