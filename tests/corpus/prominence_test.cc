#include "baoku/corpus/prominence.h"

#include <catch2/catch.hpp>

#include "baoku/corpus/page_reader.h"
#include "prominence_fixtures.h"

namespace baoku::corpus {
namespace {

using Labels = std::vector<std::string>;

std::vector<Article> ReadFixture(std::string_view text, int page) {
  PageMeta meta;
  meta.paper_code = "yzrb";
  meta.date = ParseDate("2026-07-01");
  meta.page = page;
  PageReading reading = SplitPage(text, meta, "fixture.txt");
  REQUIRE_FALSE(reading.error);
  return std::move(reading.articles);
}

TEST_CASE("The first story of a page is its lead; furniture is skipped",
          "[prominence]") {
  std::vector<Article> page1 = ReadFixture(testing::kProminencePage1, 1);
  REQUIRE(page1.size() == 4);
  MarkLeadStories(page1);
  CHECK(page1[0].headline == "桥西片区老旧管网改造全面开工");
  CHECK(ProminenceOf(page1[0]) == Labels{"头版", "头条"});
  CHECK(ProminenceOf(page1[1]) == Labels{"头版"});
  CHECK(page1[2].kind == ArticleKind::kPhoto);
  CHECK(ProminenceOf(page1[2]) == Labels{"头版", "有图"});
  CHECK(ProminenceOf(page1[3]) == Labels{"头版", "有图"});  // 文/图.
}

TEST_CASE("A continuation, briefs and photos are never the page's lead",
          "[prominence]") {
  std::vector<Article> page2 = ReadFixture(testing::kProminencePage2, 2);
  REQUIRE(page2.size() == 5);
  MarkLeadStories(page2);
  CHECK(page2[0].continued_from == "第1版");
  CHECK(ProminenceOf(page2[0]).empty());
  CHECK(page2[1].kind == ArticleKind::kBrief);
  CHECK(ProminenceOf(page2[1]).empty());
  CHECK(ProminenceOf(page2[2]).empty());
  CHECK(page2[3].headline == "雨水管网清淤迎汛期");
  CHECK(ProminenceOf(page2[3]) == Labels{"头条"});
  CHECK(ProminenceOf(page2[4]).empty());
}

TEST_CASE("Leads are marked per page, whatever the order of the articles",
          "[prominence]") {
  auto story = [](int page, int ordinal, ArticleKind kind) {
    Article a;
    a.paper_code = "yzrb";
    a.date = *ParseDate("2026-07-01");
    a.page = page;
    a.ordinal = ordinal;
    a.kind = kind;
    a.lead_story = true;  // A stale flag is cleared.
    return a;
  };
  std::vector<Article> mixed = {
      story(2, 3, ArticleKind::kNews),       story(1, 2, ArticleKind::kNews),
      story(2, 1, ArticleKind::kCorrection), story(1, 1, ArticleKind::kQa),
      story(2, 2, ArticleKind::kCommentary), story(3, 1, ArticleKind::kPhoto)};
  MarkLeadStories(mixed);
  CHECK_FALSE(mixed[0].lead_story);
  CHECK(mixed[1].lead_story);  // Page 1: the Q&A item before it is no lead.
  CHECK_FALSE(mixed[2].lead_story);
  CHECK_FALSE(mixed[3].lead_story);
  CHECK(mixed[4].lead_story);  // Page 2: a commentary, after a correction.
  CHECK_FALSE(mixed[5].lead_story);  // Page 3 has no story.
}

TEST_CASE("The prominence score is the mean of its four features",
          "[prominence]") {
  Article a;
  a.page = 3;
  CHECK(ProminenceScore(a) == 0);
  a.paragraphs = {std::string(kFullLengthChars / 2, 'x')};
  CHECK(ProminenceScore(a) == Approx(0.125));
  a.paragraphs = {std::string(kFullLengthChars * 3, 'x')};  // Capped at 1.
  CHECK(ProminenceScore(a) == Approx(0.25));
  a.page = 1;
  a.lead_story = true;
  a.photographers = {"郭原"};
  CHECK(ProminenceScore(a) == Approx(1.0));
}

}  // namespace
}  // namespace baoku::corpus
