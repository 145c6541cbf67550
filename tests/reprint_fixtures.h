// Fictional stories for the reprint tests (corpus, indexer, search),
// written for them: a report, a reprint of it that is abridged (the last
// paragraph dropped) and edited (a new headline line, a few words changed),
// and another report on the same topic (a river clean-up) in other words.
#ifndef BAOKU_TESTS_REPRINT_FIXTURES_H_
#define BAOKU_TESTS_REPRINT_FIXTURES_H_

#include <string_view>

#include "baoku/corpus/article.h"

namespace baoku::testing {

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

// An article of 2026-06-`day`, page `page`, whose paragraphs are the lines
// of `text`.
inline corpus::Article ReprintArticle(int day, int page,
                                      std::string_view text) {
  corpus::Article a;
  a.paper_code = "yzrb";
  a.date = corpus::Date{2026, 6, day};
  a.page = page;
  a.ordinal = 1;
  a.id = corpus::MakeArticleId(a.paper_code, a.date, page, 1);
  a.headline = "清溪河";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    a.paragraphs.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return a;
}

}  // namespace baoku::testing

#endif  // BAOKU_TESTS_REPRINT_FIXTURES_H_
