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
      {"排查、整改", {{"排查", "查", "整改"}}},
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

}  // namespace
}  // namespace baoku::search
