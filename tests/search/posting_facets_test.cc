// Facets from term postings against the stock value spies on an invented
// archive built in memory by the indexer's document builder: three years,
// names printed in two spellings, match sets small and large (both ways of
// intersecting: reading a list through and skipping through it).
#include "baoku/search/posting_facets.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "baoku/indexer/document_builder.h"
#include "search_fixture.h"

namespace baoku::search {
namespace {

constexpr int kArticles = 360;

corpus::Article Invented(int i) {
  corpus::Article a;
  a.paper = "云州日报";
  a.paper_code = "yzrb";
  // 120 articles a year from 2024, ten a month on ten days.
  a.date = {2024 + i / 120, 1 + (i / 10) % 12, 1 + i % 28};
  a.page = 1 + i % 4;
  a.ordinal = 1 + i % 7;
  a.id = "yzrb-" + std::to_string(i);
  a.kind =
      i % 5 == 0 ? corpus::ArticleKind::kPhoto : corpus::ArticleKind::kNews;
  a.headline = "江边新修步道第" + std::to_string(i) + "段通行";
  a.paragraphs = {i % 3 == 0 ? "步道沿江而建,傍晚散步的居民很多。"
                             : "新建的停车场今天开放。"};
  // The same reporter printed simplified and traditional: one name.
  a.reporters = {i % 2 ? "张子珂" : "張子珂"};
  if (i % 4 == 0) a.reporters.push_back("宋向红");
  if (i % 6 == 0) a.column = "江边漫步";
  a.source = "本报";
  return a;
}

Xapian::WritableDatabase InventedArchive() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < kArticles; ++i) {
    db.add_document(
        indexer::BuildDocument(Invented(i), testing::SharedAnalyzer()));
  }
  return db;
}

// Ids of the documents matching `query`, in order, and the spies' facets.
struct Matched {
  std::vector<Xapian::docid> ids;
  Facets by_values;
};

Matched Match(Xapian::Database& db, const Xapian::Query& query) {
  Matched m;
  FacetCounter spies;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  spies.Attach(enquire);
  Xapian::MSet all = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
  for (auto it = all.begin(); it != all.end(); ++it) m.ids.push_back(*it);
  std::sort(m.ids.begin(), m.ids.end());
  m.by_values = spies.Collect(TopicNames(), kMaxFacetValues);
  return m;
}

Facets ByPostings(Xapian::Database& db, const std::vector<Xapian::docid>& ids) {
  Facets facets;
  FacetPlan plan = PlanFacets(db, corpus::FieldTable::Standard(), ids.size(),
                              FacetMethod::kPostings);
  CountFromPostings(db, ids, plan, TopicNames(), testing::SharedAnalyzer(),
                    kMaxFacetValues, facets);
  return facets;
}

uint64_t CountOf(const std::vector<FacetValue>& values,
                 const std::string& value) {
  for (const auto& v : values) {
    if (v.value == value) return v.count;
  }
  return 0;
}

TEST_CASE("Facets from postings equal the spies' on any match set",
          "[facets]") {
  Xapian::WritableDatabase db = InventedArchive();
  const std::string photo =
      "K" + std::string(corpus::KindName(corpus::ArticleKind::kPhoto));
  // Everything, a third (居民), two articles (one page of one month:
  // every list is longer than that and skipped through) and all but the
  // photos.
  for (const Xapian::Query& query :
       {Xapian::Query::MatchAll, Xapian::Query("居民"),
        Xapian::Query(Xapian::Query::OP_AND, Xapian::Query("XPAGE2"),
                      Xapian::Query("M202403")),
        Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                      Xapian::Query(photo))}) {
    INFO(query.get_description());
    Matched m = Match(db, query);
    REQUIRE_FALSE(m.ids.empty());
    Facets got = ByPostings(db, m.ids);
    for (const char* key : {"pages", "kinds", "columns", "sources"}) {
      INFO(key);
      CHECK(got.Of(key).size() == m.by_values.Of(key).size());
      for (const auto& v : m.by_values.Of(key)) {
        CHECK(CountOf(got.Of(key), v.value) == v.count);
      }
    }
    CHECK(got.date_granularity == m.by_values.date_granularity);
    REQUIRE(got.dates.size() == m.by_values.dates.size());
    for (size_t i = 0; i < got.dates.size(); ++i) {
      CHECK(got.dates[i].key == m.by_values.dates[i].key);
      CHECK(got.dates[i].count == m.by_values.dates[i].count);
    }
    // Two spellings of one name: the spies count them apart, the
    // postings (and the filter 记者:张子珂) together, shown as printed.
    const auto& reporters = got.Of("reporters");
    uint64_t both = CountOf(m.by_values.Of("reporters"), "张子珂") +
                    CountOf(m.by_values.Of("reporters"), "張子珂");
    REQUIRE_FALSE(reporters.empty());
    CHECK(reporters[0].count == both);
    CHECK((reporters[0].label == "张子珂" || reporters[0].label == "張子珂"));
    CHECK(reporters[0].value == reporters[0].label);
    CHECK(CountOf(reporters, "宋向红") ==
          CountOf(m.by_values.Of("reporters"), "宋向红"));
  }
}

TEST_CASE("The date histogram narrows to months, then days", "[facets]") {
  Xapian::WritableDatabase db = InventedArchive();
  Facets years = ByPostings(db, Match(db, Xapian::Query::MatchAll).ids);
  CHECK(years.date_granularity == "year");
  REQUIRE(years.dates.size() == 3);
  CHECK(years.dates[0].key == "2024");
  CHECK(years.dates[0].count == 120);
  Facets months = ByPostings(db, Match(db, Xapian::Query("Y2025")).ids);
  CHECK(months.date_granularity == "month");
  CHECK(months.dates.size() == 12);
  CHECK(months.dates[0].key == "2025-01");
  Facets days = ByPostings(db, Match(db, Xapian::Query("M202502")).ids);
  CHECK(days.date_granularity == "day");
  CHECK(days.dates.size() == 10);
}

TEST_CASE("The plan puts each facet on the cheaper way", "[facets]") {
  Xapian::WritableDatabase db = InventedArchive();
  const auto& fields = corpus::FieldTable::Standard();
  FacetPlan values = PlanFacets(db, fields, kArticles, FacetMethod::kValues);
  CHECK(values.by_postings.empty());
  CHECK_FALSE(values.NeedsDocids());
  FacetPlan postings = PlanFacets(db, fields, 1, FacetMethod::kPostings);
  CHECK(postings.by_values.empty());
  CHECK(postings.dates_by_postings);
  // One match: reading its values beats opening every term's list.
  // (A field no article holds, topics here, costs nothing either way.)
  FacetPlan few = PlanFacets(db, fields, 1, FacetMethod::kAuto);
  for (const auto* field : few.by_postings) {
    INFO(field->name);
    CHECK(db.allterms_begin(field->prefix) == db.allterms_end(field->prefix));
  }
  CHECK(few.by_values.size() >= 5);
  CHECK_FALSE(few.dates_by_postings);
  // Every article: a field's lists hold about one posting an article,
  // cheaper than reading a value of each.
  FacetPlan all = PlanFacets(db, fields, kArticles, FacetMethod::kAuto);
  CHECK(all.by_values.empty());
  CHECK(all.dates_by_postings);
}

}  // namespace
}  // namespace baoku::search
