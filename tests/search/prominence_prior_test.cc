#include "baoku/search/prominence_prior.h"

#include <catch2/catch.hpp>

#include "baoku/corpus/prominence.h"
#include "baoku/indexer/document_builder.h"
#include "baoku/indexer/index_writer.h"
#include "baoku/search/searcher.h"
#include "test_support.h"

namespace baoku::search {
namespace {

corpus::Article Story(const std::string& day, int ordinal,
                      std::string headline) {
  corpus::Article a;
  a.paper_code = "yzrb";
  a.date = *corpus::ParseDate(day);
  a.page = 2;
  a.ordinal = ordinal;
  a.id = corpus::MakeArticleId(a.paper_code, a.date, a.page, a.ordinal);
  a.headline = std::move(headline);
  a.paragraphs = {
      "市排水公司对城区主要道路雨水管网进行清淤,累计清理淤泥860吨。"};
  return a;
}

// Two stories of the same words, so of the same text score: the lead of
// page 2 on 1 July and, newer, the second story of page 2 on 2 July. By
// relevance alone the newer one comes first (ties are newest first).
struct Fixture {
  testing::TempDir dir;
  corpus::TextAnalyzer analyzer;
  corpus::Article lead = Story("2026-07-01", 1, "雨水管网清淤迎汛期");
  corpus::Article other = Story("2026-07-02", 2, "雨水管网清淤迎汛期");
  corpus::Article first_of_2_july =
      Story("2026-07-02", 1, "老旧小区加装电梯提速");

  Fixture() {
    first_of_2_july.paragraphs = {"今年计划为老旧小区加装电梯200部。"};
    std::vector<corpus::Article> all = {lead, other, first_of_2_july};
    corpus::MarkLeadStories(all);
    lead = all[0];
    other = all[1];
    indexer::IndexWriter writer(dir / "db");
    writer.ReplacePages({indexer::PageKey(lead)}, {lead}, analyzer);
    writer.ReplacePages({indexer::PageKey(other)}, {other, all[2]}, analyzer);
  }
};

std::vector<std::string> Ids(const SearchResponse& r) {
  std::vector<std::string> ids;
  for (const auto& hit : r.hits) ids.push_back(hit.article.id);
  return ids;
}

TEST_CASE("The prominence prior lifts a lead story above an equal match",
          "[search][prominence]") {
  Fixture f;
  REQUIRE(f.lead.lead_story);
  REQUIRE_FALSE(f.other.lead_story);
  Searcher searcher(f.dir / "db", f.analyzer);
  SearchRequest request;
  request.query = "雨水管网";

  SearchResponse plain = searcher.Search(request);
  REQUIRE_FALSE(plain.error);
  REQUIRE(plain.hits.size() == 2);
  CHECK(plain.hits[0].score == Approx(plain.hits[1].score));
  CHECK(Ids(plain) == std::vector<std::string>{f.other.id, f.lead.id});

  request.sort = SortOrder::kProminence;
  SearchResponse prior = searcher.Search(request);
  REQUIRE_FALSE(prior.error);
  CHECK(prior.total == plain.total);  // The prior adds no match.
  CHECK(Ids(prior) == std::vector<std::string>{f.lead.id, f.other.id});
  // The combining rule: BM25 + strength × the stored score.
  CHECK(prior.hits[0].score ==
        Approx(plain.hits[1].score +
               kProminencePriorStrength * corpus::ProminenceScore(f.lead)));
  CHECK(prior.hits[1].score ==
        Approx(plain.hits[0].score +
               kProminencePriorStrength * corpus::ProminenceScore(f.other)));
}

TEST_CASE("Off, or at strength 0, the prior changes nothing",
          "[search][prominence]") {
  Fixture f;
  Searcher searcher(f.dir / "db", f.analyzer);
  SearchRequest request;
  request.query = "雨水管网 OR 电梯";
  SearchResponse plain = searcher.Search(request);
  REQUIRE(plain.hits.size() == 3);
  request.sort = SortOrder::kProminence;
  request.prominence_strength = 0;
  SearchResponse zero = searcher.Search(request);
  CHECK(Ids(zero) == Ids(plain));
  for (size_t i = 0; i < plain.hits.size(); ++i) {
    CHECK(zero.hits[i].score == plain.hits[i].score);
  }
  CHECK(SortOrderFromName("prominence") == SortOrder::kProminence);
}

}  // namespace
}  // namespace baoku::search
