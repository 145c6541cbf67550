#include "baoku/search/query_parser.h"

#include <catch2/catch.hpp>

namespace baoku::search {
namespace {

// A compact form of the tree: text, "phrase", field:value, (a b) for AND,
// [a | b] for OR, '-' for exclusion.
std::string Dump(const QueryNode& node) {
  std::string out = node.negated ? "-" : "";
  switch (node.kind) {
    case QueryNode::Kind::kText:
      return out + node.text;
    case QueryNode::Kind::kPhrase:
      return out + "\"" + node.text + "\"";
    case QueryNode::Kind::kField:
      return out + node.field->name + ":" + node.text;
    case QueryNode::Kind::kNear: {
      out += "<";
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i) out += " ~" + std::to_string(node.distance) + " ";
        out += Dump(node.children[i]);
      }
      return out + ">";
    }
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      bool any = node.kind == QueryNode::Kind::kOr;
      out += any ? "[" : "(";
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i) out += any ? " | " : " ";
        out += Dump(node.children[i]);
      }
      return out + (any ? "]" : ")");
    }
  }
  return out;
}

TEST_CASE("The query language parses into a tree", "[parser]") {
  struct Case {
    const char* query;
    const char* tree;
  };
  const Case cases[] = {
      {"", "()"},
      {"维修资金", "(维修资金)"},
      {"维修资金 张子珂", "(维修资金 张子珂)"},
      {"  维修资金\u3000张子珂  ", "(维修资金 张子珂)"},
      {"\"维修资金 改革\"", "(\"维修资金 改革\")"},
      {"“维修资金”", "(\"维修资金\")"},
      {"「維修資金」", "(\"維修資金\")"},
      {"“网红”地标", "(\"网红\" 地标)"},
      {"物业 -停车", "(物业 -停车)"},
      {"物业 －停车", "(物业 -停车)"},
      {"物业 OR 业主", "([物业 | 业主])"},
      {"物业 | 业主 维修", "([物业 | 业主] 维修)"},
      {"维修 物业 OR 业主", "(维修 [物业 | 业主])"},
      {"(物业 OR 业主) 维修", "(([物业 | 业主]) 维修)"},
      {"（物业 OR 业主）维修", "(([物业 | 业主]) 维修)"},
      {"-(物业 OR 业主) 维修", "(-([物业 | 业主]) 维修)"},
      {"记者:张子珂", "(reporter:张子珂)"},
      {"记者：张子珂", "(reporter:张子珂)"},
      {"Reporter:张子珂", "(reporter:张子珂)"},
      {"記者:韓雪", "(reporter:韓雪)"},
      {"主題:住房與物業", "(topic:住房與物業)"},
      {"作者:韩雪 维修", "(reporter:韩雪 维修)"},
      {"摄影:郭亮", "(photographer:郭亮)"},
      {"栏目:\"学习辅导百问\"", "(column:学习辅导百问)"},
      {"column:学习辅导百问", "(column:学习辅导百问)"},
      {"标题:维修资金", "(title:维修资金)"},
      {"主题:住房与物业", "(topic:住房与物业)"},
      {"topic:housing", "(topic:housing)"},
      {"版:3", "(page:3)"},
      {"版面:第3版", "(page:第3版)"},
      {"类型:问答", "(kind:问答)"},
      {"来源:新华社", "(source:新华社)"},
      {"报纸:yzrb", "(paper:yzrb)"},
      {"日期:2026-06-01..2026-06-30", "(date:2026-06-01..2026-06-30)"},
      {"date:..2025-12-31", "(date:..2025-12-31)"},
      {"-记者:张子珂 物业", "(-reporter:张子珂 物业)"},
      {"记者:张子珂 OR 记者:韩雪", "([reporter:张子珂 | reporter:韩雪])"},
      {"(记者:张子珂)", "((reporter:张子珂))"},
      // Not fields: unknown names, URLs, times.
      {"http://example.com", "(http://example.com)"},
      {"10:30", "(10:30)"},
      // Not operators: words that contain them.
      {"ORACLE or", "(ORACLE or)"},
      {"COVID-19", "(COVID-19)"},
      // Pasted article text: lone quotes and parentheses are punctuation.
      {"今年“安全生产", "(今年“安全生产)"},
      {"做“", "(做“)"},
      {")》等议", "(》等议)"},
      {"本报讯(记者宋向红", "(本报讯 记者宋向红)"},
      {"本报讯(记者宋向红)", "(本报讯 (记者宋向红))"},
      {"()", "()"},
      // Operators written out, in any case, and in Chinese standing alone.
      {"物业 NOT 停车", "(物业 -停车)"},
      {"物业 not 停车", "(物业 -停车)"},
      {"NOT 停车", "(-停车)"},
      {"物业 AND 业主", "(物业 业主)"},
      {"物业 and 业主", "(物业 业主)"},
      {"物业 && 业主", "(物业 业主)"},
      {"物业 or 业主", "([物业 | 业主])"},
      {"物业 Or 业主 AND 维修", "([物业 | 业主] 维修)"},
      {"物业 或 业主", "([物业 | 业主])"},
      {"物业 与 业主", "(物业 业主)"},
      {"物业 非 停车", "(物业 -停车)"},
      {"参与 或许 非遗", "(参与 或许 非遗)"},
      {"与 物业", "(与 物业)"},
      {"物业 或", "(物业 或)"},
      {"(物业 或 )", "((物业 或))"},
      {"物业 and", "(物业 and)"},
      {"band android notice", "(band android notice)"},
      // Proximity.
      {"维修资金 NEAR/20 追缴", "(<维修资金 ~20 追缴>)"},
      {"维修资金 near/5 追缴", "(<维修资金 ~5 追缴>)"},
      {"维修资金 NEAR 追缴", "(<维修资金 ~10 追缴>)"},
      {"\"维修资金 追缴\"~20", "(<维修资金 ~20 追缴>)"},
      {"“维修资金 追缴”～20", "(<维修资金 ~20 追缴>)"},
      {"\"维修资金\"~20", "(\"维修资金\")"},
      {"A NEAR/3 \"B C\" OR D", "([<A ~3 \"B C\"> | D])"},
      {"NEARBY near", "(NEARBY near)"},
      // A date or a range standing alone.
      {"维修资金 2026-06-01..2026-06-30",
       "(维修资金 date:2026-06-01..2026-06-30)"},
      {"2026年6月", "(date:2026年6月)"},
      {"2026年6月1日 物业", "(date:2026年6月1日 物业)"},
      {"2026-06", "(date:2026-06)"},
      {"2019~2023", "(date:2019~2023)"},
      {"2026", "(2026)"},
      {"2026年", "(2026年)"},
      {"3.47亿", "(3.47亿)"},
      {"COVID-19", "(COVID-19)"},
      {"0930-1230", "(0930-1230)"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    ParsedQuery parsed = ParseQuery(c.query);
    REQUIRE(parsed);
    CHECK(Dump(*parsed) == c.tree);
  }
}

TEST_CASE("Malformed queries are errors naming the place", "[parser]") {
  struct Case {
    std::string query;
    size_t offset;
    const char* message_part;
  };
  const Case cases[] = {
      {"\"unclosed", 0, "引号没有闭合"},
      {"维修 \"资金", 3, "引号没有闭合"},
      {"记者:", 0, "缺少要查找的值"},
      {"维修 记者：", 3, "缺少要查找的值"},
      {"栏目:\"\"", 0, "缺少要查找的值"},
      {"物业 OR", 3, "OR 后面缺少查询词"},
      {"OR 物业", 0, "OR 前面缺少查询词"},
      {"物业 OR OR 业主", 3, "OR 后面缺少查询词"},
      {"(物业 OR)", 4, "OR 后面缺少查询词"},
      {"物业 -", 3, "缺少要排除的词"},
      {"物业 NOT", 3, "NOT 后面缺少要排除的词"},
      {"AND 物业", 0, "AND 前面缺少查询词"},
      {"物业 AND", 3, "AND 后面缺少查询词"},
      {"NEAR 物业", 0, "NEAR 前面缺少查询词"},
      {"物业 NEAR/5", 3, "NEAR 后面缺少查询词"},
      {"物业 NEAR/999 业主", 3, "距离太大"},
      {"物业 NEAR/5 记者:张子珂", 10, "只能是词"},
      {"物业 NEAR/5 -业主", 10, "只能是词"},
      {std::string(kMaxQueryChars + 1, 'a'), kMaxQueryChars, "上限"},
      {std::string(10000, 'x'), kMaxQueryChars, "上限"},
      {"\xC3\x28", 0, "UTF-8"},
  };
  for (const auto& c : cases) {
    INFO(c.query.substr(0, 30));
    ParsedQuery parsed = ParseQuery(c.query);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.problem().parameter == "q");
    CHECK(parsed.problem().offset == c.offset);
    CHECK(parsed.problem().message.find(c.message_part) != std::string::npos);
    CHECK(parsed.problem().code.rfind("query.", 0) == 0);
  }
}

TEST_CASE("Field names come from the field table, in any script", "[parser]") {
  struct Case {
    const char* query;
    const char* field;
  };
  const Case cases[] = {
      {"记者:张子珂", "reporter"},      {"記者:張子珂", "reporter"},
      {"REPORTER:张子珂", "reporter"},  {"通讯员:李明", "correspondent"},
      {"通訊員:李明", "correspondent"}, {"版面名:综合新闻", "section"},
      {"section:综合新闻", "section"},  {"日期:2026", "date"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    auto parsed = ParseQuery(c.query);
    REQUIRE(parsed);
    REQUIRE(parsed->children.size() == 1);
    REQUIRE(parsed->children[0].kind == QueryNode::Kind::kField);
    CHECK(parsed->children[0].field->name == c.field);
  }
  // A name the table does not hold is text.
  auto text = ParseQuery("正文:维修");
  REQUIRE(text);
  CHECK(text->children[0].kind == QueryNode::Kind::kText);
}

}  // namespace
}  // namespace baoku::search
