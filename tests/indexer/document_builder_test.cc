#include "baoku/indexer/document_builder.h"

#include <catch2/catch.hpp>
#include <set>

#include "baoku/corpus/schema.h"

namespace baoku::indexer {
namespace {
namespace schema = corpus::schema;

corpus::Article SampleArticle() {
  corpus::Article a;
  a.paper = "云州日报";
  a.paper_code = "yzrb";
  a.date = corpus::Date{2026, 6, 11};
  a.page = 3;
  a.ordinal = 2;
  a.id = corpus::MakeArticleId(a.paper_code, a.date, a.page, a.ordinal);
  a.kind = corpus::ArticleKind::kNews;
  a.column = "聚焦民生实事";
  a.headline = "老旧小区加装電梯";
  a.reporters = {"王晓峰"};
  a.photographers = {"郭亮"};
  a.source = "本报";
  a.section = "综合新闻";
  a.paragraphs = {"维修资金归集率达到99.5%。", "GoHome艺术中心"};
  return a;
}

std::set<std::string> Terms(const Xapian::Document& doc) {
  return {doc.termlist_begin(), doc.termlist_end()};
}

TEST_CASE("BuildDocument writes the schema's terms and values", "[indexer]") {
  corpus::TextAnalyzer analyzer;
  Xapian::Document doc = BuildDocument(SampleArticle(), analyzer);
  auto terms = Terms(doc);
  for (const char* expected :
       {"Qyzrb-20260611-03-02", "XPKyzrb-20260611-03", "D20260611", "M202606",
        "Y2026", "Knews", "XPAGE3", "XPAPERyzrb", "A王晓峰", "XP郭亮",
        "XCOL聚焦民生实事", "XSEC综合新闻", "XSRC本报",
        // Free text: bigrams, characters, words, normalized.
        "维修", "资金", "电梯", "99.5", "gohome", "王晓", "晓峰",
        // Title block also under the title prefix, normalized.
        "S电梯", "S老旧"}) {
    INFO(expected);
    CHECK(terms.count(expected) == 1);
  }
  CHECK(terms.count("電梯") == 0);
  CHECK(doc.get_value(schema::kDateSlot) == "20260611");
  CHECK(Xapian::sortable_unserialise(doc.get_value(schema::kPageSlot)) == 3);
  CHECK(doc.get_data().find("\"id\":\"yzrb-20260611-03-02\"") !=
        std::string::npos);
}

TEST_CASE("Title terms weigh more than body terms", "[indexer]") {
  corpus::TextAnalyzer analyzer;
  corpus::Article a = SampleArticle();
  a.paragraphs = {"老旧小区"};
  Xapian::Document doc = BuildDocument(a, analyzer);
  // Once in the title (weight 3) and once in the body.
  auto it = doc.termlist_begin();
  it.skip_to("老旧");
  REQUIRE(*it == "老旧");
  CHECK(it.get_wdf() == schema::kTitleWeight + 1);
}

TEST_CASE("PageKey names paper, date and page", "[indexer]") {
  CHECK(PageKey(SampleArticle()) == "yzrb-20260611-03");
}

}  // namespace
}  // namespace baoku::indexer
