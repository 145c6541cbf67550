#include "baoku/search/query_builder.h"

#include <catch2/catch.hpp>

#include "baoku/indexer/document_builder.h"
#include "search_fixture.h"

namespace baoku::search {
namespace {

using Phrases = std::vector<std::vector<std::string>>;

TEST_CASE("BuildQuery turns each part into a phrase of index terms",
          "[query]") {
  struct Case {
    const char* query;
    Phrases phrases;
  };
  const Case cases[] = {
      {"维修资金", {{"维修", "修资", "资金"}}},
      {"維修資金", {{"维修", "修资", "资金"}}},
      {"张子珂", {{"张子", "子珂"}}},
      {"资金", {{"资金"}}},
      {"刑", {{"刑"}}},
      {"3.47亿元", {{"3.47", "亿元"}}},
      {"3.47亿", {{"3.47", "亿"}}},
      {"GOHOME艺术中心", {{"gohome", "艺术", "术中", "中心"}}},
      {"维修资金 张子珂", {{"维修", "修资", "资金"}, {"张子", "子珂"}}},
      {"排查、整改", {{"排查", "查整", "整改"}}},  // 、 joins (layout 4).
      {"排查。整改", {{"排查", "查", "整改"}}},
      {"“行刑刑”", {{"行刑", "刑刑"}}},
      {"5G网络", {{"5g", "网络"}}},
      {"亿元3.47", {{"亿元", "元", "3.47"}}},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    auto built = BuildQuery(c.query, testing::SharedAnalyzer());
    REQUIRE(built);
    CHECK(built->highlight_phrases == c.phrases);
  }
}

// has_phrase decides how the searcher counts the total (searcher.cc).
TEST_CASE("has_phrase tells whether matching reads positions", "[query]") {
  struct Case {
    const char* query;
    bool has_phrase;
  };
  const Case cases[] = {
      {"资金", false},
      {"的", false},
      {"记者 表示", false},
      {"年 OR 月", false},
      {"记者:张子珂", false},
      {"日期:2026-06", false},
      {"", false},
      {"维修资金", true},
      {"維修資金", true},
      {"资金 -维修资金", true},
      {"标题:维修资金", true},
      {"\"GoHome 艺术\"", true},
      {"3.47亿", true},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    auto built = BuildQuery(c.query, testing::SharedAnalyzer());
    REQUIRE(built);
    CHECK(built->has_phrase == c.has_phrase);
  }
}

TEST_CASE("An empty query matches every article", "[query]") {
  for (const char* query : {"", "   ", "\t"}) {
    auto built = BuildQuery(query, testing::SharedAnalyzer());
    REQUIRE(built);
    CHECK_FALSE(built->has_free_text);
    CHECK(built->query.get_description() ==
          Xapian::Query(std::string()).get_description());
  }
}

// True when `query` or one of its subqueries is the static
// Xapian::Query::MatchAll itself (shares its reference-counted internals).
bool SharesStaticMatchAll(const Xapian::Query& query) {
  if (query.internal.get() == Xapian::Query::MatchAll.internal.get()) {
    return true;
  }
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (SharesStaticMatchAll(query.get_subquery(i))) return true;
  }
  return false;
}

// Regression: the builder copied the static Xapian::Query::MatchAll, whose
// reference count is not atomic (xapian/query.h says so), while baoku-serve
// builds queries on many threads at once: the count went wrong and the
// server crashed in Enquire::set_query under load (the serve-under-load
// test, after TCP_NODELAY made requests five times as frequent).
TEST_CASE("Built queries never share Xapian's static MatchAll", "[query]") {
  for (const char* query : {"", "-维修", "维修 OR -资金", "记者:张子珂",
                            "版:1 -类型:photo", "-记者:张子珂"}) {
    INFO(query);
    auto built = BuildQuery(query, testing::SharedAnalyzer());
    REQUIRE(built);
    CHECK_FALSE(SharesStaticMatchAll(built->query));
  }
  // Structured filters alone match everything the filters allow.
  auto filtered = BuildQuery(ParseQuery(""), {{"reporter", "张子珂"}},
                             QueryContext{testing::SharedAnalyzer()});
  REQUIRE(filtered);
  CHECK_FALSE(SharesStaticMatchAll(filtered->query));
}

TEST_CASE("Excluded words are not highlighted", "[query]") {
  auto built = BuildQuery("物业 -停车 记者:张子珂", testing::SharedAnalyzer());
  REQUIRE(built);
  CHECK(built->highlight_phrases == Phrases{{"物业"}});
}

TEST_CASE("BuildQuery records the parts a hit can match, for its reasons",
          "[query]") {
  QueryContext context{testing::SharedAnalyzer()};
  auto built =
      BuildQuery(ParseQuery("資金 -停车 记者:韩雪 (版:3 OR 日期:2026-06)"),
                 {{"kind", "qa"}}, context);
  REQUIRE(built);
  const auto& parts = built->parts;
  REQUIRE(parts.size() == 5);
  CHECK(parts[0].field == nullptr);
  CHECK(parts[0].typed == "資金");
  CHECK(parts[0].terms == std::vector<std::string>{"资金"});
  CHECK(parts[0].offset == 0);
  CHECK(parts[1].field->name == "reporter");
  CHECK(parts[1].values == std::vector<std::string>{"韩雪"});
  CHECK_FALSE(parts[1].partial_name);
  CHECK(parts[2].values == std::vector<std::string>{"3"});
  REQUIRE(parts[3].dates);
  CHECK(parts[3].dates->from->FirstDay() == "20260601");
  CHECK(parts[4].parameter == "kind");
  CHECK(parts[4].values == std::vector<std::string>{"qa"});
}

TEST_CASE("BuildQuery reports malformed queries as values", "[query]") {
  struct Case {
    std::string query;
    const char* message_part;
  };
  const Case cases[] = {
      {"   ,。!?  ", "没有可检索的字词"},
      {std::string(1001, 'a'), "1000 个字符的上限"},
      {std::string(10000, 'a'), "1000 个字符的上限"},
      {"\xFF\xFE", "不是有效的 UTF-8"},
      {"记者:", "缺少要查找的值"},
      {"日期:2026-13-45", "日期“2026-13-45”无效"},
      {"主题:住房与物业", "没有名为“住房与物业”的主题"},
      {"版:1000", "版面“1000”无效"},
      {"类型:小说", "类型“小说”无效"},
      {"标题:,。", "没有可检索的字词"},
  };
  for (const auto& c : cases) {
    INFO(c.query.substr(0, 20));
    auto built = BuildQuery(c.query, testing::SharedAnalyzer());
    REQUIRE_FALSE(built);
    CHECK(built.problem().parameter == "q");
    CHECK(built.problem().message.find(c.message_part) != std::string::npos);
  }
}

// Adding a field is one row: the indexer writes its terms and the query
// language finds them, with nothing else changed.
TEST_CASE("A field added to the table alone is indexed and searchable",
          "[query][fields]") {
  corpus::FieldTable table = corpus::FieldTable::Standard();
  corpus::FieldSpec dateline;
  dateline.name = "dateline";
  dateline.aliases = {"电头", "電頭"};
  dateline.prefix = "XDL";
  dateline.value = corpus::FieldValue::kName;
  dateline.label = "电头";
  dateline.example = "新华社北京";
  dateline.values = [](const corpus::Article& a) {
    return std::vector<std::string>{a.dateline};
  };
  table.Add(dateline);

  const auto& analyzer = testing::SharedAnalyzer();
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const char* datelines[] = {"新华社北京", "本报讯", "新华社北京"};
  for (int i = 0; i < 3; ++i) {
    corpus::Article a;
    a.id = "a" + std::to_string(i);
    a.date = {2026, 6, 11};
    a.page = 1;
    a.ordinal = i + 1;
    a.headline = "标题";
    a.paragraphs = {"正文"};
    a.dateline = datelines[i];
    db.add_document(indexer::BuildDocument(a, analyzer, nullptr, table));
  }
  QueryContext context{analyzer};
  context.fields = &table;
  auto count = [&](const std::string& query,
                   const std::vector<FieldFilter>& filters = {}) {
    auto built = BuildQuery(ParseQuery(query, table), filters, context);
    REQUIRE(built);
    Xapian::Enquire enquire(db);
    enquire.set_query(built->query);
    return enquire.get_mset(0, 10).get_matches_estimated();
  };
  CHECK(count("电头:新华社北京") == 2);
  CHECK(count("電頭:新華社北京") == 2);
  CHECK(count("dateline:本报讯") == 1);
  CHECK(count("", {{"dateline", "新华社北京"}, {"dateline", "本报讯"}}) == 3);
  CHECK(count("标题 -电头:本报讯") == 2);
  // The standard table knows no such field: the same words are text.
  auto plain = ParseQuery("电头:新华社北京");
  REQUIRE(plain);
  CHECK(plain->children[0].kind == QueryNode::Kind::kText);
}

TEST_CASE("Section and correspondent terms are reachable by fields",
          "[query][fields]") {
  const auto& analyzer = testing::SharedAnalyzer();
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  corpus::Article a;
  a.id = "a1";
  a.date = {2026, 6, 11};
  a.page = 2;
  a.ordinal = 1;
  a.section = "综合新闻";
  a.correspondents = {"李明"};
  a.headline = "标题";
  a.paragraphs = {"正文"};
  db.add_document(indexer::BuildDocument(a, analyzer));
  for (const char* query :
       {"版面名:综合新闻", "section:綜合新聞", "通讯员:李明", "通訊員:李明"}) {
    INFO(query);
    auto built = BuildQuery(query, analyzer);
    REQUIRE(built);
    Xapian::Enquire enquire(db);
    enquire.set_query(built->query);
    CHECK(enquire.get_mset(0, 10).size() == 1);
  }
}

TEST_CASE("A filter naming no field is an error naming it", "[query]") {
  auto built = BuildQuery(ParseQuery(""), {{"desk", "要闻"}},
                          QueryContext{testing::SharedAnalyzer()});
  REQUIRE_FALSE(built);
  CHECK(built.problem().parameter == "desk");
}

// An in-memory index of fictional articles, one per text, dated in turn
// 2026-06-01, 2026-06-02, ...; Count() gives the ids a query finds.
class TinyIndex {
 public:
  explicit TinyIndex(const std::vector<std::string>& texts)
      : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {
    for (size_t i = 0; i < texts.size(); ++i) {
      corpus::Article a;
      a.id = "t" + std::to_string(i);
      a.date = {2026, 6, static_cast<int>(i + 1)};
      a.page = 1;
      a.ordinal = static_cast<int>(i + 1);
      a.headline = "标题";
      a.paragraphs = {texts[i]};
      db_.add_document(
          indexer::BuildDocument(a, testing::SharedAnalyzer(), nullptr));
    }
  }
  // The 0-based numbers of the articles found, ascending.
  std::vector<int> Find(const std::string& query) {
    QueryContext context{testing::SharedAnalyzer()};
    auto built = BuildQuery(ParseQuery(query), {}, context);
    INFO(query);
    REQUIRE(built);
    Xapian::Enquire enquire(db_);
    enquire.set_query(built->query);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<int> found;
    for (auto it : enquire.get_mset(0, 100)) {
      found.push_back(static_cast<int>(it) - 1);
    }
    return found;
  }

 private:
  Xapian::WritableDatabase db_;
};

TEST_CASE("AND, OR and NOT written out combine as the symbols do", "[query]") {
  TinyIndex index({"小区物业费公示", "小区停车费公示", "物业收取停车费"});
  using V = std::vector<int>;
  CHECK(index.Find("物业 NOT 停车") == V{0});
  CHECK(index.Find("物业 not 停车") == V{0});
  CHECK(index.Find("物业 非 停车") == V{0});
  CHECK(index.Find("物业 AND 停车") == V{2});
  CHECK(index.Find("物业 与 停车") == V{2});
  CHECK(index.Find("小区 or 收取") == V{0, 1, 2});
  CHECK(index.Find("物业 或 停车") == V{0, 1, 2});
}

TEST_CASE("NEAR finds words within so many characters", "[query]") {
  TinyIndex index({
      "维修资金已经按规定追缴",                          // 5 characters between
      "维修资金的使用情况向全体业主公开，并且依法追缴",  // 16 between
      "追缴维修资金",                                    // the other order
      "维修资金",
  });
  using V = std::vector<int>;
  CHECK(index.Find("维修资金 NEAR/5 追缴") == V{0, 2});
  CHECK(index.Find("维修资金 NEAR/4 追缴") == V{2});
  CHECK(index.Find("维修资金 NEAR/20 追缴") == V{0, 1, 2});
  CHECK(index.Find("\"维修资金 追缴\"~20") == V{0, 1, 2});
  CHECK(index.Find("维修资金 NEAR 追缴") == V{0, 2});
  CHECK(index.Find("维修资金 NEAR/20 追缴 OR 公开") == V{0, 1, 2});
}

TEST_CASE("A phrase matches across the marks the user left out", "[query]") {
  TinyIndex index({
      "推广“智慧物业”系统",
      "学习《建议》辅导",
      "智慧物业管理系统",
      "物业、系统",
      "智慧物业。系统上线",
  });
  using V = std::vector<int>;
  CHECK(index.Find("智慧物业系统") == V{0});
  // Quoted, the parts are two: both anywhere.
  CHECK(index.Find("“智慧物业”系统") == V{0, 2, 4});
  CHECK(index.Find("建议辅导") == V{1});
  CHECK(index.Find("学习建议") == V{1});
  CHECK(index.Find("物业系统") == V{0, 3});
  CHECK(index.Find("物业管理") == V{2});
  // A sentence's end still breaks a phrase.
  CHECK(index.Find("物业系统上线") == V{});
}

TEST_CASE("A date or range standing alone filters by date", "[query]") {
  TinyIndex index({"维修资金一", "维修资金二", "维修资金三"});
  using V = std::vector<int>;
  CHECK(index.Find("维修资金 2026-06-02..2026-06-03") == V{1, 2});
  CHECK(index.Find("维修资金 2026年6月2日") == V{1});
  CHECK(index.Find("2026-06-01") == V{0});
  CHECK(index.Find("2026年6月") == V{0, 1, 2});
  CHECK(index.Find("维修资金 2026-07") == V{});
}

TEST_CASE("A partial reporter or column resolves to the names containing it",
          "[query][names]") {
  const auto& analyzer = testing::SharedAnalyzer();
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const struct {
    const char* reporter;
    const char* column;
  } articles[] = {
      {"王晓峰", "城建新闻"},
      {"王晓峰", "党的二十届四中全会《建议》学习辅导百问"},
      {"王晓雨", "城建新闻"},
      {"赵一鸣", "民生观察"},
  };
  int i = 0;
  for (const auto& row : articles) {
    corpus::Article a;
    a.id = "n" + std::to_string(i);
    a.date = {2026, 6, 1};
    a.page = 1;
    a.ordinal = ++i;
    a.headline = "标题";
    a.paragraphs = {"正文"};
    a.reporters = {row.reporter};
    a.column = row.column;
    db.add_document(indexer::BuildDocument(a, analyzer, nullptr));
  }
  QueryContext context{analyzer};
  context.db = &db;
  auto run = [&](const std::string& query, BuiltQuery& built) {
    auto result = BuildQuery(ParseQuery(query), {}, context);
    INFO(query);
    REQUIRE(result);
    built = *result;
    Xapian::Enquire enquire(db);
    enquire.set_query(built.query);
    return enquire.get_mset(0, 10).get_matches_estimated();
  };
  BuiltQuery built;
  CHECK(run("记者:王晓峰", built) == 2);
  CHECK(built.names.empty());  // Exact: nothing to say.
  CHECK(run("记者:王晓", built) == 3);
  REQUIRE(built.names.size() == 1);
  CHECK(built.names[0].field == "reporter");
  CHECK(built.names[0].typed == "王晓");
  CHECK(built.names[0].used == std::vector<std::string>{"王晓峰", "王晓雨"});
  CHECK(run("栏目:学习辅导百问", built) == 1);
  CHECK(built.names[0].used ==
        std::vector<std::string>{"党的二十届四中全会《建议》学习辅导百问"});
  CHECK(run("記者:王曉", built) == 3);  // Traditional, as search folds it.
  // No name contains it: nothing found, close names offered.
  CHECK(run("记者:王晓锋", built) == 0);
  REQUIRE(built.names.size() == 1);
  CHECK(built.names[0].used.empty());
  CHECK(built.names[0].suggestions ==
        std::vector<std::string>{"王晓峰", "王晓雨"});
  CHECK(run("记者:钱多多", built) == 0);
  CHECK(built.names[0].suggestions.empty());
  // Without an index names match exactly.
  context.db = nullptr;
  CHECK(run("记者:王晓", built) == 0);
  CHECK(built.names.empty());
}

}  // namespace
}  // namespace baoku::search
