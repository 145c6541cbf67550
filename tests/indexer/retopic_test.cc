#include "baoku/indexer/retopic.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/schema.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/indexer/batch.h"
#include "test_support.h"

namespace baoku::indexer {
namespace {

namespace schema = corpus::schema;

const corpus::TextAnalyzer& Analyzer() {
  static const corpus::TextAnalyzer analyzer;
  return analyzer;
}

corpus::Taxonomy ProjectTaxonomy() {
  std::vector<corpus::Diagnostic> errors;
  auto t = corpus::Taxonomy::LoadFile(corpus::DefaultTopicsPath(), Analyzer(),
                                      errors);
  REQUIRE(t);
  return *t;
}

// Everything about sports and nothing else.
corpus::Taxonomy SportsOnly() {
  std::vector<corpus::Diagnostic> errors;
  auto t = corpus::Taxonomy::FromJson(
      R"({"topics": [{"id": "sports", "name": "体育",
                      "terms": {"足球": 4, "比赛": 3}}]})",
      Analyzer(), errors);
  REQUIRE(t);
  return *t;
}

std::vector<std::filesystem::path> Issue0611() {
  std::vector<corpus::Diagnostic> errors;
  auto files = FindPageFiles({testing::SamplesDir() / "2026-06-11"}, errors);
  REQUIRE(errors.empty());
  return files;
}

// Indexes the 2026-06-11 issue with `taxonomy`; returns the options used.
BatchOptions IndexIssue(const std::filesystem::path& db,
                        const corpus::Taxonomy& taxonomy) {
  BatchOptions options;
  options.taxonomy = &taxonomy;
  BatchSummary s = IndexFiles(db, Issue0611(), options);
  REQUIRE(s.articles == 18);
  return options;
}

// Article ids of the documents carrying `term`.
std::set<std::string> IdsWith(const std::filesystem::path& db,
                              const std::string& term) {
  Xapian::Database d(db.string());
  Xapian::Enquire enquire(d);
  enquire.set_query(Xapian::Query(term));
  std::set<std::string> ids;
  Xapian::MSet mset = enquire.get_mset(0, d.get_doccount());
  for (auto m = mset.begin(); m != mset.end(); ++m) {
    ids.insert(nlohmann::json::parse(m.get_document().get_data())["id"]
                   .get<std::string>());
  }
  return ids;
}

corpus::Article Stored(const std::filesystem::path& db, const std::string& id) {
  Xapian::Database d(db.string());
  auto it = d.postlist_begin(std::string(schema::kId) + id);
  REQUIRE(it != d.postlist_end(std::string(schema::kId) + id));
  auto a = corpus::ArticleFromJson(
      nlohmann::json::parse(d.get_document(*it).get_data()));
  REQUIRE(a);
  return *a;
}

TEST_CASE("Topics are indexed as XT terms that filter with Xapian",
          "[indexer][topics]") {
  testing::TempDir dir;
  corpus::Taxonomy taxonomy = ProjectTaxonomy();
  IndexIssue(dir / "db", taxonomy);

  Xapian::Database d((dir / "db").string());
  CHECK(d.get_metadata(std::string(schema::kTopicsMetadataKey)) ==
        taxonomy.ToJson());
  // Every article has a topic, and XT terms match the stored topics.
  std::map<std::string, std::set<std::string>> by_topic;
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
    auto record = corpus::ArticleFromJson(
        nlohmann::json::parse(d.get_document(*it).get_data()));
    REQUIRE(record);
    const corpus::Article& a = *record;
    INFO(a.id);
    CHECK(!a.topics.empty());
    CHECK(a.topics.size() <= 3);
    for (const auto& t : a.topics) by_topic[t.id].insert(a.id);
  }
  for (const auto& [topic, ids] : by_topic) {
    INFO(topic);
    CHECK(IdsWith(dir / "db", std::string(schema::kTopic) + topic) == ids);
  }
  // The two 民法典 questions about 物业 are housing; the football match is
  // sports; a boolean filter combines with text.
  auto housing = IdsWith(dir / "db", "XThousing");
  CHECK(housing.count("yzrb-20260611-03-01"));
  CHECK(housing.count("yzrb-20260611-03-02"));
  CHECK(IdsWith(dir / "db", "XTsports").count("yzrb-20260611-03-03"));
  Xapian::Enquire enquire(d);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query("物业"),
                                  Xapian::Query("XThousing")));
  CHECK(enquire.get_mset(0, 100).size() >= 2);
}

TEST_CASE("Overrides are honoured when a page is indexed again",
          "[indexer][topics]") {
  testing::TempDir dir;
  corpus::Taxonomy taxonomy = ProjectTaxonomy();
  BatchOptions options = IndexIssue(dir / "db", taxonomy);
  const std::string id = "yzrb-20260611-03-03";  // The football league.
  REQUIRE(Stored(dir / "db", id).topics[0].id == "sports");

  corpus::TopicOverrides overrides;
  REQUIRE(overrides.AddLine(id + " -* +社区与志愿服务", taxonomy).empty());
  options.topic_overrides = &overrides;
  BatchSummary s = IndexFiles(dir / "db", Issue0611(), options);
  // Only the page of the corrected article is written again.
  CHECK(s.replaced == 6);
  CHECK(s.unchanged == 12);
  corpus::Article a = Stored(dir / "db", id);
  REQUIRE(a.topics.size() == 1);
  CHECK(a.topics[0].id == "community");
  CHECK(a.topics[0].pinned);
  CHECK(IdsWith(dir / "db", "XTcommunity").count(id));
  CHECK_FALSE(IdsWith(dir / "db", "XTsports").count(id));

  // Without the override the classifier's choice comes back.
  options.topic_overrides = nullptr;
  IndexFiles(dir / "db", Issue0611(), options);
  CHECK(Stored(dir / "db", id).topics[0].id == "sports");
}

TEST_CASE("Retopic reassigns topics in place and keeps pages unchanged",
          "[indexer][topics]") {
  testing::TempDir dir;
  corpus::Taxonomy sports = SportsOnly();
  BatchOptions options = IndexIssue(dir / "db", sports);
  auto sports_before = IdsWith(dir / "db", "XTsports");
  REQUIRE(!sports_before.empty());
  REQUIRE(IdsWith(dir / "db", "XThousing").empty());
  Xapian::doccount docs =
      Xapian::Database((dir / "db").string()).get_doccount();

  corpus::Taxonomy project = ProjectTaxonomy();
  corpus::TopicOverrides overrides;
  REQUIRE(overrides.AddLine("yzrb-20260611-01-02 +sports", project).empty());
  RetopicOptions retopic;
  retopic.overrides = &overrides;
  retopic.commit_articles = 4;  // Several commits.
  RetopicSummary r = RetopicIndex(dir / "db", project, retopic);
  CHECK(r.articles == 18);
  CHECK(r.changed >= 12);
  CHECK(r.unreadable == 0);

  Xapian::Database d((dir / "db").string());
  CHECK(d.get_doccount() == docs);
  CHECK(d.get_metadata(std::string(schema::kTopicsMetadataKey)) ==
        project.ToJson());
  CHECK(IdsWith(dir / "db", "XThousing").count("yzrb-20260611-03-01"));
  corpus::Article exam = Stored(dir / "db", "yzrb-20260611-01-02");
  REQUIRE(exam.topics.size() >= 2);
  CHECK(exam.topics[0].id == "sports");
  CHECK(exam.topics[0].pinned);
  CHECK(exam.topics[1].id == "education");
  // Text search still works on rebuilt documents.
  Xapian::Enquire enquire(d);
  enquire.set_query(Xapian::Query("中考"));
  CHECK(enquire.get_mset(0, 10).size() >= 1);

  // The pages now hold what indexing them with the new taxonomy gives.
  options.taxonomy = &project;
  options.topic_overrides = &overrides;
  BatchSummary s = IndexFiles(dir / "db", Issue0611(), options);
  CHECK(s.unchanged == 18);
  // A second pass has nothing left to do.
  CHECK(RetopicIndex(dir / "db", project, retopic).changed == 0);
}

TEST_CASE("baoku-index --retopic prints a summary, bad overrides stop it",
          "[indexer][topics]") {
  testing::TempDir dir;
  std::string tool = (testing::BinaryDir() / "indexer/baoku-index").string();
  std::string db = (dir / "db").string();
  REQUIRE(testing::Run({tool, "-q", "--db", db,
                        (testing::SamplesDir() / "2026-06-11").string()}) == 0);
  testing::WriteFile(dir / "sports.json",
                     R"({"topics": [{"id": "sports", "name": "体育",
                        "terms": {"足球": 4}}]})");
  std::string out;
  CHECK(testing::Run({tool, "--db", db, "--retopic", "--topics",
                      (dir / "sports.json").string()},
                     &out) == 0);
  CHECK_THAT(out, Catch::Contains(": 18 articles, "));

  testing::WriteFile(dir / "overrides.txt", "yzrb-20260611-03-03 +nosuch\n");
  CHECK(testing::Run({tool, "--db", db, "--retopic", "--topic-overrides",
                      (dir / "overrides.txt").string()},
                     &out) == 2);
  testing::WriteFile(dir / "bad.json", "{\"topics\": [\n}");
  CHECK(
      testing::Run({tool, "--explain", "--topics", (dir / "bad.json").string(),
                    (testing::SamplesDir() / "2026-06-11/03.txt").string()},
                   &out) == 2);
  // --explain shows the topics, the seed terms and the fitted weights'
  // tokens behind them.
  REQUIRE(testing::Run({tool, "--explain",
                        (testing::SamplesDir() / "2026-06-11/03.txt").string()},
                       &out) == 0);
  auto j = nlohmann::json::parse(out);
  const auto& first = j["articles"][0];
  // A 民法典 Q&A about 物业: housing and law (its gold topics), in the
  // order the fitted weights give.
  std::set<std::string> assigned;
  for (const auto& t : first["topics"]) assigned.insert(t["id"]);
  CHECK(assigned.count("housing"));
  CHECK(first["topic_evidence"][0]["id"] == first["topics"][0]["id"]);
  CHECK(first["topic_evidence"][0]["assigned"] == true);
  CHECK(!first["topic_evidence"][0]["terms"].empty());
  const auto& tokens = first["topic_evidence"][0]["tokens"];
  REQUIRE_FALSE(tokens.empty());
  CHECK(tokens[0]["contribution"].get<double>() > 0);
  CHECK(first["topic_evidence"][0]["threshold"].get<double>() > 0);
}

}  // namespace
}  // namespace baoku::indexer
