#include "baoku/search/searcher.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include "baoku/corpus/index_version.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/utf8.h"
#include "baoku/indexer/batch.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "search_fixture.h"
#include "test_support.h"

namespace baoku::search {
namespace {
namespace utf8 = corpus::utf8;

Searcher SamplesSearcher() {
  return Searcher(testing::SamplesIndex(), testing::SharedAnalyzer());
}

SearchResponse Find(Searcher& searcher, const std::string& q, int limit = 10) {
  SearchRequest request;
  request.query = q;
  request.limit = limit;
  return searcher.Search(request);
}

// An article of one paragraph on page 1 of 2026-06-11, for a small index.
corpus::Article PageArticle(const std::string& id, int ordinal,
                            const std::string& text,
                            const std::string& headline = "") {
  corpus::Article a;
  a.id = id;
  a.paper_code = "test";
  a.date = corpus::Date{2026, 6, 11};
  a.page = 1;
  a.ordinal = ordinal;
  a.headline = headline.empty() ? "标题" + id : headline;
  a.paragraphs = {text};
  return a;
}

// A searcher on a new index at `db` holding `articles` (one page).
Searcher IndexOfPage(const std::filesystem::path& db,
                     const std::vector<corpus::Article>& articles) {
  {
    indexer::IndexWriter writer(db);
    writer.ReplacePages({indexer::PageKey(articles[0])}, articles,
                        testing::SharedAnalyzer());
  }
  return Searcher(db, testing::SharedAnalyzer());
}

TEST_CASE("Known phrases find their article first", "[search]") {
  struct Case {
    const char* query;
    const char* first_id;
    uint64_t total;  // 0: not checked.
  };
  const Case cases[] = {
      {"镇边堡村", "yzrb-20260609-02-06", 1},
      {"鎮邊堡村", "yzrb-20260609-02-06", 1},  // Traditional.
      {"500PFlops", "yzrb-20260609-01-06", 1},
      {"500pflops", "yzrb-20260609-01-06", 1},
      {"柴万福", "yzrb-20260609-03-03", 1},
      {"YunGo", "yzrb-20260610-02-02", 1},
      {"ＹｕｎＧｏ", "yzrb-20260610-02-02", 1},  // Full width.
      {"21.6亿元", "yzrb-20260610-01-05", 1},
      {"北岳山珍", "yzrb-20260614-02-04", 1},        // A GB18030 page.
      {"方言快板", "yzrb-20260615-03-05", 1},        // A UTF-16 page.
      {"麦田射手", "yzrb-20260617-03-01", 1},        // Front matter.
      {"碳减排挂钩贷款", "yzrb-20260617-02-04", 1},  // A brief.
      // Each spans a column break that the reader repaired.
      {"“网红”地标", "yzrb-20260610-03-04", 1},
      {"1.87亿元", "yzrb-20260610-01-01", 1},
      {"4186万元", "yzrb-20260609-01-01", 1},
      {"96110", "yzrb-20260612-03-02", 1},
      {"鲍德胜", "yzrb-20260612-01-01", 1},
      // A reporter's name finds the articles with it in the byline.
      {"李佳 赵明远", "yzrb-20260609-02-01", 0},
  };
  Searcher searcher = SamplesSearcher();
  for (const auto& c : cases) {
    INFO(c.query);
    SearchResponse r = Find(searcher, c.query);
    REQUIRE_FALSE(r.error);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].article.id == c.first_id);
    if (c.total) CHECK(r.total == c.total);
  }
}

TEST_CASE("A title match ranks above body matches", "[search]") {
  Searcher searcher = SamplesSearcher();
  SearchResponse r = Find(searcher, "加装电梯");
  REQUIRE(r.hits.size() >= 2);
  CHECK(r.hits[0].article.headline.find("加装电梯") != std::string::npos);
}

TEST_CASE("Every part of a query must match", "[search]") {
  Searcher searcher = SamplesSearcher();
  CHECK(Find(searcher, "镇边堡村 500PFlops").total == 0);
  CHECK(Find(searcher, "不存在的词组合").total == 0);
}

TEST_CASE("Bad requests are errors, not exceptions", "[search]") {
  Searcher searcher = SamplesSearcher();
  SearchRequest request;
  request.query = "电梯";
  request.limit = 0;
  CHECK(searcher.Search(request).error->parameter == "limit");
  request.limit = kMaxLimit + 1;
  CHECK(searcher.Search(request).error->parameter == "limit");
  request.limit = 10;
  request.offset = -1;
  CHECK(searcher.Search(request).error->parameter == "offset");
  request.offset = kMaxOffset + 1;
  CHECK(searcher.Search(request).error->parameter == "offset");
  request.offset = kMaxOffset;
  SearchResponse far = searcher.Search(request);
  CHECK_FALSE(far.error);
  CHECK(far.hits.empty());
  CHECK(far.total > 0);
}

TEST_CASE("Paging walks the whole result list", "[search]") {
  Searcher searcher = SamplesSearcher();
  SearchRequest request;
  request.query = "的";
  request.limit = 7;
  std::set<std::string> seen;
  uint64_t total = 0;
  for (request.offset = 0;; request.offset += request.limit) {
    SearchResponse r = searcher.Search(request);
    total = r.total;
    if (r.hits.empty()) break;
    for (const auto& h : r.hits) seen.insert(h.article.id);
  }
  CHECK(total > 20);
  CHECK(seen.size() == total);
}

TEST_CASE("Byline names are stored as lexicon words of the index", "[search]") {
  Xapian::Database db(testing::SamplesIndex().string());
  std::string words = db.get_metadata("baoku:lexicon");
  CHECK(words.find("王晓峰\n") != std::string::npos);
  CHECK(words.find("郭亮\n") != std::string::npos);
  CHECK(db.term_exists("王晓峰"));  // A word term, not only bigrams.
}

// Searchers share the parsed topic names while the stored taxonomy text
// stays the same; another index's taxonomy must not be served from it.
TEST_CASE("Each searcher has its own index's topics", "[search]") {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase db((dir / "db").string(),
                                Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(corpus::schema::kTopicsMetadataKey),
                    R"({"topics": [{"id": "harbour", "name": "港口航运",
                        "name_en": "Harbour", "aliases": ["码头"],
                        "terms": {"港口": 1}}]})");
    // As IndexWriter stamps every index it creates.
    db.set_metadata(std::string(corpus::schema::kSchemaVersionMetadataKey),
                    corpus::SchemaVersionValue());
    db.set_metadata(std::string(corpus::schema::kAnalyzerVersionMetadataKey),
                    corpus::AnalyzerVersionValue());
    db.commit();
  }
  for (int round = 0; round < 2; ++round) {
    Searcher samples(testing::SamplesIndex(), testing::SharedAnalyzer());
    CHECK(samples.topics().all().size() == 20);
    CHECK(samples.topics().Resolve("码头") == std::nullopt);
    Searcher other(dir / "db", testing::SharedAnalyzer());
    REQUIRE(other.topics().all().size() == 1);
    CHECK(other.topics().Resolve("碼頭") == "harbour");
  }
}

TEST_CASE("FindArticle returns the stored record", "[search]") {
  Searcher searcher = SamplesSearcher();
  auto a = searcher.FindArticle("yzrb-20260609-02-06");
  REQUIRE(a);
  CHECK(a->paper == "云州日报");
  CHECK(a->reporters == std::vector<std::string>{"高原"});
  CHECK_FALSE(searcher.FindArticle("yzrb-19990101-01-01"));
}

// Simplified → traditional for common characters, to ask in traditional.
std::string ToTraditional(const std::string& s) {
  static const std::map<std::string, std::string> kMap = {
      {"资", "資"}, {"维", "維"}, {"区", "區"}, {"电", "電"}, {"书", "書"},
      {"记", "記"}, {"会", "會"}, {"长", "長"}, {"东", "東"}, {"关", "關"},
      {"门", "門"}, {"务", "務"}, {"业", "業"}, {"场", "場"}, {"国", "國"},
      {"农", "農"}, {"车", "車"}, {"经", "經"}, {"济", "濟"}, {"产", "產"},
      {"设", "設"}, {"项", "項"}, {"员", "員"}, {"报", "報"}, {"间", "間"},
      {"开", "開"}, {"这", "這"}, {"时", "時"}, {"们", "們"}, {"进", "進"}};
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t before = pos;
    utf8::Next(s, pos);
    std::string ch = s.substr(before, pos - before);
    auto it = kMap.find(ch);
    out += it == kMap.end() ? ch : it->second;
  }
  return out;
}

// Letters, digits and the decimal point: a substring boundary between two
// of these would cut a word or number token in half.
bool IsWordy(char32_t cp) {
  return (cp < 0x80 && (std::isalnum(static_cast<int>(cp)) || cp == '.')) ||
         (cp >= U'０' && cp <= U'９') || (cp >= U'Ａ' && cp <= U'ｚ') ||
         cp == U'．';
}

char32_t CodePointAt(const std::string& s, size_t index) {
  size_t pos = utf8::OffsetOfCodePoint(s, index);
  return utf8::Next(s, pos);
}

bool HasHan(const std::string& s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (utf8::IsHan(utf8::Next(s, pos))) return true;
  }
  return false;
}

TEST_CASE("Any substring of an article finds that article", "[search]") {
  // Recall must not depend on segmentation nor on which terms keep
  // positions: 4,000 random substrings of 1 to 12 characters of Chinese
  // text, headlines included (numbers and Latin words whole), half of them
  // asked in traditional characters.
  std::vector<corpus::Article> articles;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::SamplesDir())) {
    if (entry.path().extension() != ".txt") continue;
    auto page = corpus::ReadPageFile(entry.path(), {});
    articles.insert(articles.end(), page.articles.begin(), page.articles.end());
  }
  REQUIRE(articles.size() > 50);
  Searcher searcher = SamplesSearcher();
  std::mt19937 rng(20260611);
  int tried = 0, found = 0;
  std::vector<std::string> misses;
  while (tried < 4000) {
    const auto& a = articles[rng() % articles.size()];
    size_t line = rng() % (a.paragraphs.size() + 1);
    const std::string& p =
        line < a.paragraphs.size() ? a.paragraphs[line] : a.headline;
    size_t chars = utf8::CodePointCount(p);
    size_t len = 1 + rng() % 12;
    if (chars < len) continue;
    size_t start = rng() % (chars - len + 1);
    size_t b = utf8::OffsetOfCodePoint(p, start);
    size_t e = utf8::OffsetOfCodePoint(p, start + len);
    std::string sub = p.substr(b, e - b);
    if (!HasHan(sub) || sub.find(' ') != std::string::npos) continue;
    bool cuts_word_at_start = start > 0 && IsWordy(CodePointAt(p, start - 1)) &&
                              IsWordy(CodePointAt(p, start));
    bool cuts_word_at_end = start + len < chars &&
                            IsWordy(CodePointAt(p, start + len - 1)) &&
                            IsWordy(CodePointAt(p, start + len));
    if (cuts_word_at_start || cuts_word_at_end) continue;
    if (tried % 2 == 1) sub = ToTraditional(sub);
    ++tried;
    // Walk the whole result list: a one-character query matches most
    // articles.
    bool hit = false;
    SearchRequest request;
    request.query = sub;
    request.limit = kMaxLimit;
    request.with_snippets = false;
    for (;; request.offset += kMaxLimit) {
      SearchResponse r = searcher.Search(request);
      for (const auto& h : r.hits) hit = hit || h.article.id == a.id;
      if (hit || r.hits.empty()) break;
    }
    if (hit) {
      ++found;
    } else {
      misses.push_back(sub + " (" + a.id + ")");
    }
  }
  for (size_t i = 0; i < misses.size() && i < 30; ++i) UNSCOPED_INFO(misses[i]);
  CHECK(found == tried);
}

TEST_CASE("Seed regressions: names, abbreviations, traditional", "[seed]") {
  auto seed = testing::SeedPage();
  if (seed.empty()) {
    std::cout << "SKIPPED: seed search test: ../shared/seed not found\n";
    std::exit(testing::kSkipExitCode);
  }
  testing::TempDir dir;
  indexer::BatchOptions options;
  options.defaults.date = corpus::Date{2026, 6, 11};
  options.defaults.page = 1;
  auto summary = indexer::IndexFiles(dir / "db", {seed}, options);
  REQUIRE(summary.articles == 7);
  Searcher searcher(dir / "db", testing::SharedAnalyzer());
  // ICU alone splits 张子珂 into 张|子|珂, 住建局 into 住|建|局.
  for (const char* q : {"维修资金", "張子珂", "张子珂", "住建局", "維修資金",
                        "行刑刑", "联动", "排查、整改"}) {
    INFO(q);
    SearchResponse r = Find(searcher, q);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].article.headline == "不让房屋“养老金”再“沉睡”");
  }
  // With the byline names and the project lexicon they are words too.
  Xapian::Database db((dir / "db").string());
  for (const char* word : {"张子珂", "住建局", "维修资金"}) {
    INFO(word);
    CHECK(db.term_exists(word));
  }
  SearchResponse photo = Find(searcher, "ＧＯＨＯＭＥ");
  REQUIRE(photo.hits.size() == 1);
  CHECK(photo.hits[0].article.photographers ==
        std::vector<std::string>{"刘勇"});
}

}  // namespace
}  // namespace baoku::search

namespace baoku::search {
namespace {

TEST_CASE("Titles carry highlights, also for traditional queries", "[search]") {
  Searcher searcher = SamplesSearcher();
  struct Case {
    const char* query;
    size_t begin, end;
  };
  const Case cases[] = {
      {"古堡村", 4, 7}, {"長城腳下", 0, 4}, {"长城 民宿", 0, 2}};
  for (const auto& c : cases) {
    INFO(c.query);
    auto response = Find(searcher, c.query);
    REQUIRE_FALSE(response.hits.empty());
    const Hit& top = response.hits[0];
    CHECK(top.article.id == "yzrb-20260609-02-06");
    CHECK(top.title.text == corpus::DisplayTitle(top.article));
    REQUIRE_FALSE(top.title.highlights.empty());
    CHECK(top.title.highlights[0].begin == c.begin);
    CHECK(top.title.highlights[0].end == c.end);
  }
}

TEST_CASE("Related articles exclude the article and share its words",
          "[search]") {
  Searcher searcher = SamplesSearcher();
  const std::string id = "yzrb-20260617-02-04";  // A bank's green loan.
  auto related = searcher.Related(id, 5);
  REQUIRE(related);
  REQUIRE_FALSE(related->empty());
  CHECK(related->size() <= 5);
  bool any_loan = false;
  for (const auto& hit : *related) {
    CHECK(hit.article.id != id);
    for (const auto& p : hit.article.paragraphs) {
      any_loan = any_loan || p.find("贷款") != std::string::npos;
    }
  }
  CHECK(any_loan);
  CHECK_FALSE(searcher.Related("yzrb-20990101-01-01", 5));
}

TEST_CASE("Keywords are whole words of the article", "[search]") {
  Searcher searcher = SamplesSearcher();
  auto keywords = searcher.Keywords("yzrb-20260610-01-05", 10);
  REQUIRE(keywords);
  REQUIRE(keywords->size() <= 10);
  CHECK(std::find(keywords->begin(), keywords->end(), "云州南站") !=
        keywords->end());
  // No keyword is a piece of another one.
  for (const auto& a : *keywords) {
    for (const auto& b : *keywords) {
      if (a != b) CHECK(b.find(a) == std::string::npos);
    }
  }
  CHECK_FALSE(searcher.Keywords("no-such-id", 10));
}

TEST_CASE("Keyword chips are whole ICU words, never bigrams across two",
          "[search]") {
  // 站房主体 is 站房|主体 and 公共事项 公共|事项: 房主 and 共事 are bigrams of
  // the index, frequent in this article and nowhere else, yet no words here.
  testing::TempDir dir;
  std::vector<corpus::Article> articles = {
      PageArticle("station", 1,
                  "新站站房主体结构昨日封顶，站房主体采用钢结构，站房主体工程"
                  "比计划提前一个月。街道同时公布公共事项清单，公共事项由居民"
                  "议事会讨论，公共事项办理进度每月公示。",
                  "新站站房主体结构封顶"),
      PageArticle("other", 2, "城东公园昨日开放，市民可以散步。"),
      PageArticle("third", 3, "夜市本周试运行，摊位统一管理。")};
  Searcher searcher = IndexOfPage(dir / "db", articles);
  auto keywords = searcher.Keywords("station", 12);
  REQUIRE(keywords);
  const auto& analyzer = testing::SharedAnalyzer();
  std::string text = articles[0].headline + " " + articles[0].paragraphs[0];
  std::set<std::string> words;
  for (const auto& span : analyzer.Segment(text)) {
    if (span.word) {
      words.insert(analyzer.Normalize(
          std::string_view(text).substr(span.begin, span.end - span.begin)));
    }
  }
  CHECK_FALSE(keywords->empty());
  for (const auto& k : *keywords) {
    INFO(k);
    CHECK(words.count(k));
  }
  CHECK(std::find(keywords->begin(), keywords->end(), "房主") ==
        keywords->end());
  CHECK(std::find(keywords->begin(), keywords->end(), "共事") ==
        keywords->end());
}

TEST_CASE("Neighbours are the page and the issue in print order", "[search]") {
  Searcher searcher = SamplesSearcher();
  auto article = searcher.FindArticle("yzrb-20260609-02-06");
  REQUIRE(article);
  Neighbours n = searcher.NeighboursOf(*article);
  size_t on_page = 0, in_issue = 0;
  for (const auto& a : testing::SampleArticles()) {
    in_issue += a.date == article->date;
    on_page += a.date == article->date && a.page == article->page;
  }
  REQUIRE(n.same_page.size() == on_page);
  REQUIRE(n.same_issue.size() == in_issue);
  for (size_t i = 0; i < n.same_page.size(); ++i) {
    CHECK(n.same_page[i].article.page == article->page);
    CHECK(n.same_page[i].article.ordinal == static_cast<int>(i) + 1);
  }
  CHECK(n.same_issue.front().article.page == 1);
}

TEST_CASE("A phrase matches only where its characters follow each other",
          "[search][layout]") {
  // Bigrams carry no positions (text_analyzer.h): an article that holds
  // every bigram of 维修资金, but apart, must not match the phrase.
  testing::TempDir dir;
  std::vector<corpus::Article> articles = {
      PageArticle("whole", 1, "本市的维修资金已到位。"),
      PageArticle("apart", 2, "维修，修资，资金，三者分开。")};
  Searcher searcher = IndexOfPage(dir / "db", articles);
  SearchResponse r = Find(searcher, "维修资金");
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].article.id == "whole");
  // One bigram needs no positions: both hold 修资.
  CHECK(Find(searcher, "修资").hits.size() == 2);
  CHECK(Find(searcher, "本市").hits.size() == 1);
}

TEST_CASE("A phrase runs across the marks a reader skips, not across 。",
          "[search][layout]") {
  testing::TempDir dir;
  std::vector<corpus::Article> articles = {
      PageArticle("marks", 1,
                  "今年本区推广“智慧物业”系统，街道依照《社区物业条例》、"
                  "《维修基金细则》逐项检查，张家·李家两户参与试点。"),
      PageArticle("stop", 2, "老旧小区的智慧物业。系统升级另行安排。")};
  Searcher searcher = IndexOfPage(dir / "db", articles);
  // The query without the marks finds the article, and the highlight shows
  // the text as printed, marks included.
  const struct {
    const char* query;
    const char* marked;
  } cases[] = {{"智慧物业系统", "智慧物业”系统"},
               {"物业条例维修基金", "物业条例》、《维修基金"},
               {"张家李家", "张家·李家"}};
  for (const auto& c : cases) {
    INFO(c.query);
    SearchResponse r = Find(searcher, c.query);
    REQUIRE(r.hits.size() == 1);
    const Hit& hit = r.hits[0];
    CHECK(hit.article.id == "marks");
    REQUIRE(hit.snippet.highlights.size() == 1);
    const std::string& text = hit.snippet.text;
    size_t b = utf8::OffsetOfCodePoint(text, hit.snippet.highlights[0].begin);
    size_t e = utf8::OffsetOfCodePoint(text, hit.snippet.highlights[0].end);
    CHECK(text.substr(b, e - b) == c.marked);
  }
  // 。 ends a sentence: 智慧物业。系统 is not the phrase 智慧物业系统.
  CHECK(Find(searcher, "物业系统").hits.size() == 1);
  CHECK(Find(searcher, "物业系统升级").hits.empty());
  CHECK(Find(searcher, "智慧物业 系统升级").hits.size() == 1);
}

TEST_CASE("The searcher refuses an index of the previous schema",
          "[search][version]") {
  testing::TempDir dir;
  {
    Xapian::WritableDatabase db((dir / "old").string(),
                                Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_boolean_term(std::string(corpus::schema::kId) + "old-1");
    db.add_document(doc);
    db.commit();
  }
  try {
    Searcher searcher(dir / "old", testing::SharedAnalyzer());
    FAIL("an unversioned index was opened");
  } catch (const IndexError& e) {
    std::string message = e.what();
    CHECK(message.find((dir / "old").string()) != std::string::npos);
    CHECK(message.find("baoku-index index --rebuild") != std::string::npos);
  }
}

TEST_CASE("The searcher segments with the lexicon stored in the index",
          "[search][lexicon]") {
  // The samples index stores the project lexicon's words with the names.
  Xapian::Database db(testing::SamplesIndex().string());
  auto stored = corpus::Lexicon::SplitStored(
      db.get_metadata(std::string(corpus::schema::kLexiconMetadataKey)));
  corpus::Lexicon project;
  REQUIRE(
      project.LoadFile(corpus::DefaultLexiconPath(), testing::SharedAnalyzer())
          .empty());
  std::set<std::string> words(stored.begin(), stored.end());
  for (const auto& word : project.Words()) {
    INFO(word);
    CHECK(words.count(word));
  }
}

}  // namespace
}  // namespace baoku::search

namespace baoku::search {
namespace {

TEST_CASE("An estimated total says so, and is exact when it says so",
          "[search]") {
  Searcher searcher = SamplesSearcher();
  for (const char* q : {"记者 OR 本报 OR 群众", "公交", "社区 服务"}) {
    INFO(q);
    // One hit asked for on both sides, so that only the count differs
    // (that the first hits do not depend on the limit is checked below).
    SearchRequest exact;
    exact.query = q;
    exact.limit = 1;
    SearchResponse full = searcher.Search(exact);
    REQUIRE(full.total_exact);
    REQUIRE(full.total > 1);

    SearchRequest bounded = exact;
    bounded.exact_total = false;
    bounded.estimate_after = 1;
    bounded.time_budget = std::chrono::milliseconds(1000);
    SearchResponse quick = searcher.Search(bounded);
    REQUIRE(quick.hits.size() == 1);
    if (quick.total_exact) CHECK(quick.total == full.total);
    // The best hit is the same whether or not the count is bounded.
    CHECK(quick.hits[0].article.id == full.hits[0].article.id);

    // Below the bound nothing is estimated.
    bounded.estimate_after = 100000;
    SearchResponse counted = searcher.Search(bounded);
    CHECK(counted.total_exact);
    CHECK(counted.total == full.total);
    // Facets count every match whatever exact_total says, within the
    // budget, and say so.
    bounded.estimate_after = 1;
    bounded.with_facets = true;
    for (FacetMethod method : {FacetMethod::kValues, FacetMethod::kPostings}) {
      bounded.facet_method = method;
      SearchResponse faceted = searcher.Search(bounded);
      CHECK(faceted.total_exact);
      CHECK(faceted.total == full.total);
      REQUIRE(faceted.facets);
      CHECK(faceted.facets->exact);
      CHECK(faceted.facets->counted == full.total);
    }
  }
}

// The words of the samples' headlines, one and two at a time: queries that
// no one here chose, each with the title boosts a free-text query carries.
std::vector<std::string> HeadlineQueries() {
  std::vector<std::string> queries = {"公交", "社区 服务",
                                      "记者 OR 本报 OR 群众"};
  std::set<std::string> seen(queries.begin(), queries.end());
  const auto& analyzer = testing::SharedAnalyzer();
  for (const auto& article : testing::SampleArticles()) {
    std::vector<std::string> words;
    for (const auto& span : analyzer.Segment(article.headline, nullptr)) {
      std::string word =
          article.headline.substr(span.begin, span.end - span.begin);
      if (span.word && utf8::LongerThan(word, 1)) words.push_back(word);
    }
    for (size_t i = 0; i < words.size() && i < 2; ++i) {
      for (const std::string& q :
           {words[i], i + 1 < words.size() ? words[i] + " " + words[i + 1]
                                           : std::string()}) {
        if (!q.empty() && seen.insert(q).second) queries.push_back(q);
      }
    }
  }
  return queries;
}

std::vector<std::string> IdsOf(const SearchResponse& response, size_t count) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < response.hits.size() && i < count; ++i) {
    ids.push_back(response.hits[i].article.id);
  }
  return ids;
}

// Xapian 1.4.22 ranked AND_MAYBE(q, boosts) wrongly when it may stop early
// (weight_bonus.h): 公交 asked for one hit gave a lower-weight article than
// the first of ten.
TEST_CASE("The first hits do not depend on how many are asked for",
          "[search]") {
  Searcher searcher = SamplesSearcher();
  std::vector<std::string> queries = HeadlineQueries();
  REQUIRE(queries.size() > 50);
  for (const std::string& q : queries) {
    for (auto [sort, exact] : {std::pair{SortOrder::kRelevance, true},
                               std::pair{SortOrder::kRelevance, false},
                               std::pair{SortOrder::kProminence, false}}) {
      INFO(q << (sort == SortOrder::kProminence ? " (prominence)" : "")
             << (exact ? " (exact total)" : " (estimated total)"));
      SearchRequest request;
      request.query = q;
      request.sort = sort;
      request.with_snippets = false;
      request.exact_total = exact;
      request.estimate_after = 1;  // As few checked as the page needs.
      auto page = [&](int limit) {
        request.limit = limit;
        SearchResponse response = searcher.Search(request);
        REQUIRE_FALSE(response.error);
        return response;
      };
      SearchResponse fifty = page(50);
      if (fifty.hits.empty()) continue;
      SearchResponse ten = page(10);
      SearchResponse one = page(1);
      CHECK(IdsOf(one, 1) == IdsOf(ten, 1));
      CHECK(IdsOf(ten, 10) == IdsOf(fifty, 10));
    }
  }
}

}  // namespace
}  // namespace baoku::search
