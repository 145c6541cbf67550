#include "baoku/corpus/page_reader.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>

#include "baoku/corpus/text_analyzer.h"
#include "gold.h"
#include "test_support.h"

namespace baoku::corpus {
namespace {

using baoku::testing::CompareWithGold;
using Names = std::vector<std::string>;

PageMeta Meta() {
  PageMeta meta;
  meta.paper = "云州日报";
  meta.paper_code = "yzrb";
  meta.date = Date{2026, 6, 11};
  meta.page = 3;
  return meta;
}

// A page in the e-paper layout, written for this test: title block with
// banner and dash subtitle, subheads, a column break inside a quotation, a
// Q&A series, a lead byline, a photo, a trailing author.
constexpr const char* kPage = R"(

聚焦民生实事·城市更新

老旧小区加装电梯跑出“加速度”

——云中区探索“一梯一策”协商新机制

本报记者 王晓峰 李佳

“以前爬到六楼要歇三回,现在按一下按钮就到家了。”家住云中区槐荫里小区的柴万福老人说。

今年以来,云中区把老旧小区加装电梯列为民生实事,截至5月底,已有47部电梯投入使用,惠及居民1.2万人次。

协商在前,矛盾化解在前

加装电梯最难的是协商。区住建局牵头建立“楼栋长+社区+专业机构”三方议事机制,把“一楼住户

的顾虑”摆上桌面逐条解决,累计化解分歧诉求236件。

资金方面,市财政对每部电梯补贴20万元,其余部分由业主按楼层分摊。

民法典进社区·百姓身边百问百答

7.物业服务合同到期后业主该怎么办?

物业服务期限届满前,业主依法共同决定续聘的,应当与原物业服务人在合同期限届满前续订物业服务合同。

8.业主可以拒交物业费吗?

业主违反约定逾期不支付物业费的,物业服务人可以催告其在合理期限内支付。



桑干河湿地迎来候鸟“旅居季”

本报讯(记者 周静 通讯员 何婷婷)6月8日,记者从市林业局获悉,桑干河国家湿地公园今年监测到的鸟类已达186种。

湿地管理处负责人表示,将继续做好栖息地保护。



6月8日,市民在东关区滨河公园观赏荷花。

本报记者 郭亮 摄

云州银行东关支行

上门服务解企业燃眉之急

本报讯 近日,云州银行东关支行为一家制造企业上门办理批量开卡业务。

该行工作人员还向员工讲解了防范电信诈骗的金融知识。

(韩雪)
)";

TEST_CASE("SplitPage reads every layout element of a page", "[reader]") {
  PageReading page = SplitPage(kPage, Meta(), "test.txt");
  REQUIRE_FALSE(page.error);
  CHECK(page.warnings.empty());
  REQUIRE(page.articles.size() == 6);

  const Article& lift = page.articles[0];
  CHECK(lift.id == "yzrb-20260611-03-01");
  CHECK(lift.kind == ArticleKind::kNews);
  CHECK(lift.column == "聚焦民生实事·城市更新");
  CHECK(lift.headline == "老旧小区加装电梯跑出“加速度”");
  CHECK(lift.subtitle == "云中区探索“一梯一策”协商新机制");
  CHECK(lift.reporters == Names{"王晓峰", "李佳"});
  CHECK(lift.source == "本报");
  CHECK(lift.subheads == Names{"协商在前,矛盾化解在前"});
  REQUIRE(lift.paragraphs.size() == 5);
  // The column break inside the quotation is repaired.
  CHECK(lift.paragraphs[3] ==
        "加装电梯最难的是协商。区住建局牵头建立“楼栋长+社区+专业机构”三方"
        "议事机制,把“一楼住户的顾虑”摆上桌面逐条解决,累计化解分歧诉求236件。");
  CHECK(lift.lines.first == 3);
  CHECK(lift.lines.last == 21);

  const Article& q7 = page.articles[1];
  CHECK(q7.kind == ArticleKind::kQa);
  CHECK(q7.column == "民法典进社区·百姓身边百问百答");
  CHECK(q7.headline == "7.物业服务合同到期后业主该怎么办?");
  CHECK(q7.paragraphs.size() == 1);
  const Article& q8 = page.articles[2];
  CHECK(q8.kind == ArticleKind::kQa);
  CHECK(q8.column == q7.column);

  const Article& birds = page.articles[3];
  CHECK(birds.headline == "桑干河湿地迎来候鸟“旅居季”");
  CHECK(birds.byline == "本报讯(记者 周静 通讯员 何婷婷)");
  CHECK(birds.reporters == Names{"周静"});
  CHECK(birds.correspondents == Names{"何婷婷"});
  CHECK(birds.paragraphs.front().rfind("6月8日,记者从市林业局获悉", 0) == 0);

  const Article& photo = page.articles[4];
  CHECK(photo.kind == ArticleKind::kPhoto);
  CHECK(photo.headline.empty());
  CHECK(photo.photographers == Names{"郭亮"});
  CHECK(photo.reporters.empty());
  CHECK(DisplayTitle(photo).rfind("6月8日,市民在东关区滨河公园", 0) == 0);

  const Article& bank = page.articles[5];
  CHECK(bank.kicker == "云州银行东关支行");
  CHECK(bank.headline == "上门服务解企业燃眉之急");
  CHECK(bank.reporters == Names{"韩雪"});
  CHECK(bank.byline == "本报讯 … (韩雪)");
  CHECK(bank.paragraphs.front() ==
        "近日,云州银行东关支行为一家制造企业上门办理批量开卡业务。");
}

// Briefs, wire copy, a commentary and full-width punctuation.
constexpr const char* kSecondPage = R"(
2026年6月13日 星期六 责任编辑:刘敏 版式:王芳

简讯

●市图书馆自助借阅点增至15个

本报讯 6月12日,市图书馆在东关区新设3个24小时自助借阅点,市民可凭身份证免费借阅。(韩雪)

●6月12日,北岳县举行夏季防汛应急演练,300余名干部群众参加。(马骁)



国务院常务会议部署推进城市更新

新华社北京6月12日电(记者 王琦 李响)国务院总理主持召开国务院常务会议,部署推进城市更新行动。

会议指出,要稳步推进老旧小区改造。

让“一老一小”更有温度

本报评论员

城市的温度,体现在对“一老一小”的关爱上。

办好民生实事,贵在持之以恒。

东关区开通社区“健康小屋”

本报讯（记者 周静）6月12日，东关区首批12个社区“健康小屋”投入使用，居民可免费测量血压、血糖。

据介绍，健康小屋由社区卫生服务中心医生轮流值守。（郑可欣）
)";

TEST_CASE("SplitPage reads briefs, wire copy and commentary", "[reader]") {
  PageReading page = SplitPage(kSecondPage, Meta(), "second.txt");
  REQUIRE_FALSE(page.error);
  REQUIRE(page.articles.size() == 5);

  const Article& library = page.articles[0];
  CHECK(library.kind == ArticleKind::kBrief);
  CHECK(library.column == "简讯");
  CHECK(library.headline == "市图书馆自助借阅点增至15个");
  CHECK(library.reporters == Names{"韩雪"});
  CHECK(library.byline == "本报讯 … (韩雪)");
  CHECK(library.paragraphs == Names{"6月12日,市图书馆在东关区新设3个24小时自助"
                                    "借阅点,市民可凭身份证免费借阅。"});
  CHECK(library.lines.first == 4);  // The banner opens the first item.

  const Article& drill = page.articles[1];
  CHECK(drill.kind == ArticleKind::kBrief);
  CHECK(drill.headline.empty());
  CHECK(drill.reporters == Names{"马骁"});
  CHECK(drill.byline == "(马骁)");
  CHECK(drill.paragraphs.front().rfind("6月12日,北岳县", 0) == 0);

  const Article& wire = page.articles[2];
  CHECK(wire.kind == ArticleKind::kNews);
  CHECK(wire.source == "新华社");
  CHECK(wire.dateline == "新华社北京6月12日电");
  CHECK(wire.reporters == Names{"王琦", "李响"});
  CHECK(wire.paragraphs.front().rfind("国务院总理主持", 0) == 0);

  const Article& comment = page.articles[3];
  CHECK(comment.kind == ArticleKind::kCommentary);
  CHECK(comment.byline == "本报评论员");
  CHECK(comment.reporters.empty());
  CHECK(comment.paragraphs.size() == 2);

  const Article& health = page.articles[4];
  CHECK(health.byline == "本报讯（记者 周静） … （郑可欣）");
  CHECK(health.reporters == Names{"周静", "郑可欣"});
  CHECK(health.paragraphs.back() ==
        "据介绍，健康小屋由社区卫生服务中心医生轮流值守。");
}

// An e-paper export written for this test: paragraphs indented with two
// ideographic spaces, one newline between them, a blank line between
// articles, a column break continuing on an unindented line, a page header.
constexpr const char* kIndentedPage =
    "第3版：城事　2026年7月2日　星期四\n"
    "\n"
    "桥下涵洞让工期推迟\n"
    "□本报记者　林可　方圆\n"
    "　　沙湾路跨河桥原计划两年完工，施工中发现河床下有一处未登记的老涵洞，桥墩"
    "位置不得不\n"
    "重新设计。\n"
    "　　建设单位表示，主桥已经合龙，预计9月底通车。\n"
    "\n"
    "这个菜场为什么这么干净！\n"
    "　　新华路菜市场的地面没有积水，摊位上的电子秤都贴着检定标签。\n";

TEST_CASE("SplitPage reads a page whose paragraphs are indented", "[reader]") {
  PageReading r = SplitPage(kIndentedPage, Meta(), "indented.txt");
  CHECK(r.layout == "indented paragraphs");
  REQUIRE(r.articles.size() == 2);
  const Article& a = r.articles[0];
  CHECK(a.headline == "桥下涵洞让工期推迟");
  CHECK(a.reporters == Names{"林可", "方圆"});
  CHECK(a.byline == "本报记者　林可　方圆");
  REQUIRE(a.paragraphs.size() == 2);
  CHECK(a.paragraphs[0] ==
        "沙湾路跨河桥原计划两年完工，施工中发现河床下有一处未登记的老涵洞，"
        "桥墩位置不得不重新设计。");
  CHECK(a.lines.first == 3);
  CHECK(a.lines.last == 7);
  CHECK(r.articles[1].headline == "这个菜场为什么这么干净！");
  CHECK(r.articles[1].lines.first == 9);
}

// No blank line anywhere: articles follow each other directly, the second
// without a byline. Its headline must not become the first one's subhead.
constexpr const char* kPackedPage =
    "第8版 社区 责任编辑:刘芸 版式:杜威\n"
    "临川区老旧小区加装电梯开工\n"
    "本报记者 欧阳雪\n"
    "　　今年全区计划为老旧小区加装电梯120部，首批38部已于本周开工。\n"
    "　　家住桐荫小区的周福林说，他等这部电梯已经等了五年。\n"
    "国家级非遗传承人走进校园\n"
    "　　6月9日，竹编艺人欧阳慧来到临川区实验小学，为学生们上了一堂竹编课。\n"
    "　　课堂上，她手把手指导学生编出一个小竹篮。\n"
    "　　据了解，今年全市将有30所中小学开设非遗特色课程。\n";

TEST_CASE("SplitPage splits a page with no blank lines at all", "[reader]") {
  PageReading r = SplitPage(kPackedPage, Meta(), "packed.txt");
  CHECK(r.layout == "indented paragraphs");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].headline == "临川区老旧小区加装电梯开工");
  CHECK(r.articles[0].lines.first == 2);
  CHECK(r.articles[0].subheads.empty());
  CHECK(r.articles[1].headline == "国家级非遗传承人走进校园");
  CHECK(r.articles[1].lines.first == 6);
  // The model's decision is kept for --explain.
  REQUIRE(r.decisions.size() == 1);
  CHECK(r.decisions[0].line == 6);
  CHECK(r.decisions[0].new_article);
  CHECK(r.decisions[0].score > 0);
  CHECK_FALSE(r.decisions[0].contributions.empty());
}

// A bylineless story one blank line after the story before, its headline
// a sentence ending in ！: the text after it shares its words and leaves
// the story before. An exclaimed line inside the first story is text.
constexpr const char* kBylinelessAfterOneBlankPage = R"(
临川区老旧小区加装电梯开工

本报记者 欧阳雪

今年全区计划为老旧小区加装电梯120部，首批38部已于本周开工。

加装电梯的费用由政府补贴和居民分摊，低楼层住户的意见逐户征求。

电梯装好了，大家都高兴！

住在六楼的周福林说，加装电梯以后他下楼买菜再也不用歇三回了。

电动车进楼道充电，一把火烧了三层楼！

6月22日凌晨，一栋居民楼楼道内停放的电动车充电时起火，火势蔓延到三层楼。

消防员疏散了居民，所幸无人受伤。消防部门提醒，电动车不要进楼道充电。
)";

TEST_CASE(
    "The reader asks its model whether an exclaimed line after a finished "
    "paragraph opens a bylineless story",
    "[reader]") {
  PageReading r =
      SplitPage(kBylinelessAfterOneBlankPage, Meta(), "bylineless.txt");
  REQUIRE_FALSE(r.articles.empty());
  CHECK(r.articles[0].headline == "临川区老旧小区加装电梯开工");
  // Both lines are the model's to decide, as a headline or as text.
  const ReaderDecision* in_story = nullptr;
  const ReaderDecision* headline = nullptr;
  for (const auto& d : r.decisions) {
    if (d.alternative != "text") continue;
    (d.line == 10 ? in_story : headline) = &d;
  }
  REQUIRE(in_story != nullptr);
  REQUIRE(headline != nullptr);
  CHECK(headline->line == 14);
  CHECK_FALSE(in_story->new_article);
  // The text after the headline shares its words and leaves the story
  // before: its score is well above the in-story line's.
  CHECK(headline->score > in_story->score + 1.0);
  if (headline->new_article) {
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[1].headline == "电动车进楼道充电，一把火烧了三层楼！");
  } else {
    // Read as text, the line stays in the first story, nothing dropped.
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].paragraphs.size() == 7);
  }
}

// Headlines that read as sentences (a comma, a final ？ or ！), written for
// this test: their place on the page makes them headlines. Blank-line
// paragraphs, the first over a byline, the second after an article break.
constexpr const char* kSentenceHeadlinesPage = R"(
暑期托管班开班，家长为何还在排队？

本报记者 林可

白沙区首批12个暑期托管班今天开班，报名人数超过了名额的两倍。

区教育局表示，下周将再增加8个班，优先照顾双职工家庭。



雨后的湿地公园，白鹭回来了！

连日降雨后，桐江湿地公园的水位回升，成群的白鹭重新在浅滩觅食。

公园管理处提醒游客观鸟时保持距离，不要投喂。
)";

// Indented paragraphs without blank lines: an unindented comma headline
// after a finished paragraph, with no byline, opens the next article.
constexpr const char* kIndentedSentenceHeadlinePage =
    "临川区新增三处口袋公园\n"
    "　　临川区今年建成的三处口袋公园本周向市民开放，每处面积都不到两千平方米。"
    "\n"
    "　　公园里设有健身器材和儿童游乐区，夜间照明到22时。\n"
    "老码头变身文化街区，周末游客破万\n"
    "　　桐江老码头改造后的文化街区开街以来，每逢周末游客都超过一万人次。\n"
    "　　街区保留了原有的货仓和吊机，改成了展馆和咖啡馆。\n";

TEST_CASE("SplitPage reads sentence-like headlines where an article opens",
          "[reader]") {
  PageReading r = SplitPage(kSentenceHeadlinesPage, Meta(), "blank.txt");
  CHECK(r.layout == "blank-line paragraphs");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].headline == "暑期托管班开班，家长为何还在排队？");
  CHECK(r.articles[0].reporters == Names{"林可"});
  CHECK(r.articles[0].paragraphs.size() == 2);
  CHECK(r.articles[1].headline == "雨后的湿地公园，白鹭回来了！");
  CHECK(r.articles[1].paragraphs.size() == 2);

  PageReading ind =
      SplitPage(kIndentedSentenceHeadlinePage, Meta(), "indented.txt");
  CHECK(ind.layout == "indented paragraphs");
  REQUIRE(ind.articles.size() == 2);
  CHECK(ind.articles[0].headline == "临川区新增三处口袋公园");
  CHECK(ind.articles[0].subheads.empty());
  CHECK(ind.articles[1].headline == "老码头变身文化街区，周末游客破万");
  CHECK(ind.articles[1].paragraphs.size() == 2);
}

// A quotation's closing mark printed on its own line, then a bylined
// story whose headline reads as a sentence. Original text.
constexpr const char* kLoneClosingQuotePage = R"(
桂花社区办起四点半课堂

本报记者 苏禾

放学后，三十多个孩子在社区活动室里写作业，志愿者轮流辅导。

家长说：“孩子有人看着，我们下班也不用着急了。

”

下周起公园夜跑道照明延长，跑友们可以多跑一圈了!

文·图/上官宁

市园林局表示，滨江公园夜跑道的照明时间将延长到晚上十一点。
)";

TEST_CASE(
    "SplitPage keeps a closing quote on its own line with its story and reads "
    "the next headline",
    "[reader]") {
  PageReading r = SplitPage(kLoneClosingQuotePage, Meta(), "quote.txt");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].paragraphs.back() == "”");
  CHECK(r.articles[0].subheads.empty());
  CHECK(r.articles[1].headline ==
        "下周起公园夜跑道照明延长，跑友们可以多跑一圈了!");
  CHECK(r.articles[1].kicker.empty());
  CHECK(r.articles[1].lines.first == 12);
  CHECK(r.articles[1].reporters == std::vector<std::string>{"上官宁"});
}

// Where a line closes a piece (a photo credit), the next line opens one:
// a sentence-like headline there is a headline even without a byline.
// Written for this test.
constexpr const char* kHeadlineAfterPhotoPage = R"(
6月9日，志愿者在桐江边清理河滩垃圾。

本报记者 季夏 摄

好消息！夜市重新开张，摊主们回来了，老街又热闹起来

停业整修三个月的南门夜市昨晚重新开张，八十多个摊位全部坐满。

市场管理方说，新铺的地面和排水沟让雨天也能照常营业。
)";

// Indented paragraphs without blank lines: a closing quote on its own
// indented line finishes the paragraph, so the unindented line after it
// is a headline, not that paragraph's rest past a column break.
constexpr const char* kPackedLoneQuotePage =
    "桂花社区办起四点半课堂\n"
    "　　家长说：“孩子有人看着，我们下班也不用着急了。\n"
    "　　”\n"
    "老码头变身文化街区：周末游客破万\n"
    "　　本报讯（记者林可）桐江老码头改造后的文化街区开街以来，每逢周末"
    "游客都超过一万人次。\n";

// A titled story's byline, then the first part of a paragraph cut by a
// column break, short enough to look like a title line: the story's text.
constexpr const char* kCutLineUnderBylinePage = R"(
南门夜市重新开张

本报记者 季夏

来源:桐江晚报客户端(文/季夏)市民

昨晚涌进了停业整修三个月的南门夜市，八十多个摊位全部坐满。
)";

// One paragraph a line: a short exclaimed line right before the article
// break is the story's last line, not a headline with no text under it.
constexpr const char* kExportLastLinePage =
    "西瓜和桃一起吃会中毒？\n"
    "见习记者 蒋文\n"
    "营养师说，两种水果同吃不会中毒，只是不宜一次吃太多。\n"
    "这是一条谣言！\n"
    "\n"
    "四类人不适合喝姜汤\n"
    "姜汤制作简单，但并不是人人都适合喝。\n";

// One paragraph a line: a title line after the article break whose last
// character and the next line's first one make an ICU word (期中).
constexpr const char* kExportWordAcrossJoinPage =
    "南门夜市重新开张\n"
    "夜市的摊位昨晚全部坐满。\n"
    "\n"
    "老街改造工程进入试用期\n"
    "中新区的商户将陆续开门营业。\n";

TEST_CASE("SplitPage opens and closes stories where the page's lines say",
          "[reader]") {
  // The premise: ICU reads a word across the join, which elsewhere marks a
  // line cut by a column break.
  CHECK_FALSE(
      TextAnalyzer().BreaksBetween("老街改造工程进入试用期", "中新区的商户"));
  PageReading joined =
      SplitPage(kExportWordAcrossJoinPage, Meta(), "export.txt");
  REQUIRE(joined.articles.size() == 2);
  CHECK(joined.articles[1].headline == "老街改造工程进入试用期");
  CHECK(joined.articles[1].paragraphs.size() == 1);

  PageReading photo = SplitPage(kHeadlineAfterPhotoPage, Meta(), "photo.txt");
  REQUIRE(photo.articles.size() == 2);
  CHECK(photo.articles[0].kind == ArticleKind::kPhoto);
  CHECK(photo.articles[1].headline ==
        "好消息！夜市重新开张，摊主们回来了，老街又热闹起来");
  CHECK(photo.articles[1].lines.first == 6);
  CHECK(photo.articles[1].paragraphs.size() == 2);

  PageReading packed = SplitPage(kPackedLoneQuotePage, Meta(), "packed.txt");
  CHECK(packed.layout == "indented paragraphs");
  REQUIRE(packed.articles.size() == 2);
  CHECK(packed.articles[0].paragraphs.back() == "”");
  CHECK(packed.articles[1].headline == "老码头变身文化街区：周末游客破万");
  CHECK(packed.articles[1].reporters == Names{"林可"});

  PageReading cut = SplitPage(kCutLineUnderBylinePage, Meta(), "cut.txt");
  REQUIRE(cut.articles.size() == 1);
  CHECK(cut.articles[0].headline == "南门夜市重新开张");
  CHECK(cut.articles[0].reporters == Names{"季夏"});
  REQUIRE_FALSE(cut.articles[0].paragraphs.empty());
  CHECK(cut.articles[0].paragraphs.front().starts_with("来源:"));

  PageReading last = SplitPage(kExportLastLinePage, Meta(), "export.txt");
  CHECK(last.layout == "one paragraph a line");
  REQUIRE(last.articles.size() == 2);
  CHECK(last.articles[0].paragraphs.back() == "这是一条谣言！");
  CHECK(last.articles[1].headline == "四类人不适合喝姜汤");
}

TEST_CASE("SplitPage refuses a page without a date", "[reader]") {
  PageMeta meta = Meta();
  meta.date.reset();
  PageReading page = SplitPage(kPage, meta, "undated.txt");
  REQUIRE(page.error);
  CHECK(page.error->file == "undated.txt");
  CHECK(page.articles.empty());
}

TEST_CASE("SplitPage skips page furniture and links jump lines", "[reader]") {
  const char* text =
      "2026年6月11日 星期四 责任编辑:刘敏 版式:王芳\n\n第3版 综合新闻\n\n"
      "城市书房开到家门口\n\n本报记者 林书言\n\n"
      "今年全市新建城市书房12座,总藏书量达到18万册。\n\n(下转第2版)\n";
  PageReading page = SplitPage(text, Meta(), "furniture.txt");
  REQUIRE(page.articles.size() == 1);
  CHECK(page.articles[0].headline == "城市书房开到家门口");
  CHECK(page.articles[0].continued_to == "第2版");
  CHECK(page.articles[0].paragraphs.size() == 1);
}

TEST_CASE("Every bundled sample page is read as its gold says", "[reader]") {
  size_t pages = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::SamplesDir())) {
    if (entry.path().extension() != ".txt") continue;
    ++pages;
    auto gold = entry.path().parent_path() /
                (entry.path().stem().string() + ".gold.json");
    REQUIRE(std::filesystem::exists(gold));
    PageReading page = ReadPageFile(entry.path(), PageMeta{});
    INFO(entry.path().string());
    CHECK(CompareWithGold(page, gold) == std::vector<std::string>{});
    CHECK(page.warnings.empty());
  }
  CHECK(pages >= 12);
}

TEST_CASE("The seed page is read exactly as its gold says", "[seed]") {
  auto seed = testing::SeedPage();
  if (seed.empty()) {
    std::cout << "SKIPPED: seed page test: ../shared/seed not found\n";
    std::exit(testing::kSkipExitCode);
  }
  PageMeta meta;
  meta.date = Date{2026, 6, 11};
  meta.page = 1;
  PageReading page = ReadPageFile(seed, meta);
  auto gold = seed.parent_path() / "000_300ea7ac26b2dcfe.gold.json";
  CHECK(CompareWithGold(page, gold) == std::vector<std::string>{});
  REQUIRE(page.articles.size() == 7);
  CHECK(page.articles[0].reporters == Names{"张子珂"});
}

}  // namespace
}  // namespace baoku::corpus
