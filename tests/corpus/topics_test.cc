#include "baoku/corpus/topics.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/topic_model.h"
#include "test_support.h"

namespace baoku::corpus {
namespace {

using testing::TempDir;
using testing::WriteFile;

// A small taxonomy in the format of corpus/topics.json.
constexpr const char* kTaxonomy = R"({
  "topics": [
    {"id": "housing", "name": "住房与物业", "name_en": "Housing",
     "aliases": ["物业", "property"],
     "terms": {"物业": 4, "业主": 3, "维修资金": 4, "小区": 1}},
    {"id": "education", "name": "教育", "aliases": ["schools"],
     "terms": {"学校": 3, "学生": 2, "中考": 5}},
    {"id": "sports", "name": "体育",
     "terms": {"足球": 4, "比赛": 3}}
  ]
})";

const TextAnalyzer& Analyzer() {
  static const TextAnalyzer analyzer;
  return analyzer;
}

Taxonomy Load(const std::string& json = kTaxonomy) {
  std::vector<Diagnostic> errors;
  auto taxonomy = Taxonomy::FromJson(json, Analyzer(), errors, "t.json");
  INFO((errors.empty() ? "" : errors[0].ToString()));
  REQUIRE(taxonomy);
  return *taxonomy;
}

Article MakeArticle(const std::string& headline,
                    const std::vector<std::string>& paragraphs) {
  Article a;
  a.id = "yzrb-20260611-03-02";
  a.headline = headline;
  a.paragraphs = paragraphs;
  return a;
}

std::vector<std::string> Ids(const std::vector<ArticleTopic>& topics) {
  std::vector<std::string> ids;
  for (const auto& t : topics) ids.push_back(t.id);
  return ids;
}

TEST_CASE("Topics resolve by id, name, English name and alias", "[topics]") {
  Taxonomy taxonomy = Load();
  struct Case {
    const char* name;
    const char* id;  // nullptr: unknown.
  };
  const Case cases[] = {
      {"housing", "housing"},
      {"HOUSING", "housing"},
      {"住房与物业", "housing"},
      {"住房與物業", "housing"},  // Traditional.
      {"物业", "housing"},
      {"Property", "housing"},
      {"Housing", "housing"},
      {"教育", "education"},
      {"schools", "education"},
      {"ｓｃｈｏｏｌｓ", "education"},  // Full-width.
      {"体育", "sports"},
      {"體育", "sports"},
      {"金融", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const Topic* t = taxonomy.Find(c.name);
    if (c.id == nullptr) {
      CHECK(t == nullptr);
    } else {
      REQUIRE(t != nullptr);
      CHECK(t->id == c.id);
    }
  }
  CHECK(taxonomy.FindById("housing")->name == "住房与物业");
  CHECK(taxonomy.FindById("住房与物业") == nullptr);
}

TEST_CASE("Articles get topics from terms in any script", "[topics]") {
  Taxonomy taxonomy = Load();
  TopicClassifier classifier(taxonomy, Analyzer());
  struct Case {
    const char* headline;
    const char* body;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      {"老旧小区维修资金怎么用", "业主大会决定。", {"housing"}},
      // Traditional characters match the simplified terms.
      {"老舊小區維修資金怎麼用", "業主大會決定。", {"housing"}},
      // Full-width and mixed.
      {"物業服務", "ＡＢＣ小区业主", {"housing"}},
      {"中考", "全市学生参加考试。", {"education"}},
      {"中考后校园足球比赛开赛",
       "学校足球队参加比赛,学生观赛。",
       {"sports", "education"}},
      // No term at all: no topic.
      {"今日天气", "晴到多云。", {}},
  };
  for (const auto& c : cases) {
    INFO(c.headline);
    CHECK(Ids(classifier.Classify(MakeArticle(c.headline, {c.body}))) ==
          c.want);
  }
}

TEST_CASE("A term in the title block weighs more than in the body",
          "[topics]") {
  Taxonomy taxonomy = Load();
  TopicClassifier classifier(taxonomy, Analyzer());
  // Same words, swapped between headline and body: the title decides.
  auto a = classifier.Explain(MakeArticle("足球", {"学校"}));
  auto b = classifier.Explain(MakeArticle("学校", {"足球"}));
  REQUIRE(a.size() == 2);
  REQUIRE(b.size() == 2);
  CHECK(a[0].id == "sports");
  CHECK(b[0].id == "education");
  CHECK(a[0].terms[0].title_hits == 1);
  CHECK(a[0].terms[0].body_hits == 0);
  // The kicker and column are title block too.
  Article kicker = MakeArticle("", {"学校"});
  kicker.kicker = "足球";
  CHECK(classifier.Explain(kicker)[0].id == "sports");
}

TEST_CASE("Explain lists contributing terms and keeps 1 to 3 topics",
          "[topics]") {
  Taxonomy taxonomy = Load();
  TopicClassifier classifier(taxonomy, Analyzer());
  auto ev = classifier.Explain(
      MakeArticle("小区物业", {"物业和业主协商维修资金。", "业主满意。"}));
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].id == "housing");
  CHECK(ev[0].name == "住房与物业");
  CHECK(ev[0].assigned);
  REQUIRE(ev[0].terms.size() == 4);
  // Largest contribution first: 物业 (title + body) before 小区 (weight 1).
  CHECK(ev[0].terms[0].term == "物业");
  CHECK(ev[0].terms[0].title_hits == 1);
  CHECK(ev[0].terms[0].body_hits == 1);
  CHECK(ev[0].terms.back().term == "小区");
  double sum = 0;
  for (const auto& t : ev[0].terms) sum += t.contribution;
  CHECK(sum == Approx(ev[0].score));

  // A single weak mention still gives the article its best topic...
  auto weak = classifier.Classify(MakeArticle("", {"小区"}));
  REQUIRE(Ids(weak) == std::vector<std::string>{"housing"});
  // ... but a weak second topic next to a strong first one is left out.
  auto mixed = classifier.Explain(
      MakeArticle("中考招生", {"学生和学校。中考。学生。", "小区"}));
  REQUIRE(mixed.size() == 2);
  CHECK(mixed[0].assigned);
  CHECK_FALSE(mixed[1].assigned);
}

TEST_CASE("A long article needs more evidence than a short one", "[topics]") {
  Taxonomy taxonomy = Load();
  TopicClassifier classifier(taxonomy, Analyzer());
  std::string filler(3000 * 3 / 3, 'x');  // Bytes; ASCII: one char each.
  auto short_ev = classifier.Explain(MakeArticle("", {"业主"}));
  auto long_ev = classifier.Explain(MakeArticle("", {"业主" + filler}));
  REQUIRE(short_ev.size() == 1);
  REQUIRE(long_ev.size() == 1);
  CHECK(long_ev[0].score < short_ev[0].score / 2);
}

TEST_CASE("Bad taxonomies are refused with the file, line and problem",
          "[topics]") {
  struct Case {
    const char* json;
    int line;
    const char* message;  // Part of the message.
  };
  const Case cases[] = {
      {"{\n \"topics\": [\n  {\"id\": \"a\",,}\n ]\n}", 3, "not valid JSON"},
      {"{\"topics\": 3}", 0, "list \"topics\""},
      {"{\"topics\": [\n{\"id\": \"a\", \"name\": \"甲\", \"terms\": {\"x\": "
       "1}},\n{\"id\": \"a\", \"name\": \"乙\", \"terms\": {\"y\": 1}}]}",
       2, "duplicate topic id 'a'"},
      {"{\"topics\": [{\"id\": \"a\", \"name\": \"甲\",\n \"terms\": "
       "{\"物业\": null}}]}",
       2, "term '物业' needs a positive number"},
      {"{\"topics\": [{\"id\": \"a\", \"name\": \"甲\",\n \"terms\": "
       "{\"物业\": 0}}]}",
       2, "positive number"},
      {"{\"topics\": [{\"id\": \"a\", \"name\": \"甲\", \"terms\": {\n"
       "\"物业\": 1,\n\"物业\": 2}}]}",
       3, "duplicate key '物业'"},
      {"{\"topics\": [{\"id\": \"住房\", \"name\": \"甲\", \"terms\": {\"x\": "
       "1}}]}",
       1, "lower-case ASCII"},
      {"{\"topics\": [{\"id\": \"a\", \"terms\": {\"x\": 1}}]}", 1,
       "needs a Chinese \"name\""},
      {"{\"topics\": [{\"id\": \"a\", \"name\": \"甲\", \"term\": {\"x\": "
       "1}}]}",
       1, "unknown key 'term'"},
      {"{\"topics\": [\n{\"id\": \"a\", \"name\": \"甲\", \"terms\": {\"x\": "
       "1}},\n{\"id\": \"b\", \"name\": \"乙\", \"aliases\": [\"甲\"], "
       "\"terms\": {\"y\": 1}}]}",
       3, "'甲' already names topic 'a'"},
  };
  TempDir dir;
  for (const auto& c : cases) {
    INFO(c.json);
    auto path = dir / "topics.json";
    WriteFile(path, c.json);
    std::vector<Diagnostic> errors;
    CHECK_FALSE(Taxonomy::LoadFile(path, Analyzer(), errors));
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].file == path.string());
    CHECK(errors[0].line == c.line);
    CHECK_THAT(errors[0].message, Catch::Contains(c.message));
  }
  std::vector<Diagnostic> errors;
  CHECK_FALSE(Taxonomy::LoadFile(dir / "missing.json", Analyzer(), errors));
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].ToString(), Catch::Contains("missing.json"));
}

TEST_CASE("The taxonomy survives its JSON round trip", "[topics]") {
  Taxonomy taxonomy = Load();
  Taxonomy again = Load(taxonomy.ToJson());
  REQUIRE(again.topics().size() == 3);
  CHECK(again.Find("property")->id == "housing");
  CHECK(again.topics()[0].terms.size() == 4);
  CHECK(again.topics()[0].terms[2].text == "维修资金");
  CHECK(again.topics()[0].terms[2].weight == 4);
  CHECK(again.ToJson() == taxonomy.ToJson());
}

TEST_CASE("The project taxonomy loads and covers a city daily's themes",
          "[topics]") {
  std::vector<Diagnostic> errors;
  auto taxonomy = Taxonomy::LoadFile(DefaultTopicsPath(), Analyzer(), errors);
  INFO((errors.empty() ? "" : errors[0].ToString()));
  REQUIRE(taxonomy);
  CHECK(taxonomy->topics().size() >= 18);
  for (const char* name :
       {"住房与物业", "housing", "交通出行", "教育", "医疗卫生", "就业与社保",
        "农业农村", "金融", "科技创新", "文化旅游", "体育", "生态环境",
        "法治与纪检", "安全与应急", "人物"}) {
    INFO(name);
    CHECK(taxonomy->Find(name) != nullptr);
  }
}

TEST_CASE("The project taxonomy has weights fitted for exactly its topics",
          "[topics]") {
  // Fails when corpus/topic_weights.tsv is missing, unreadable or was
  // fitted for another list of topics; the message names both files.
  std::vector<Diagnostic> errors;
  auto taxonomy = Taxonomy::LoadFile(DefaultTopicsPath(), Analyzer(), errors);
  for (const auto& e : errors) UNSCOPED_INFO(e.ToString());
  REQUIRE(taxonomy);
  REQUIRE(taxonomy->model() != nullptr);
  CHECK(taxonomy->model()->MismatchWith(taxonomy->TopicIds()).empty());
  CHECK(taxonomy->model()->token_count() > 1000);
}

TEST_CASE("Classify keeps what Explain keeps, with the same scores",
          "[topics]") {
  // Classify() scores without building the evidence (no term lists, tokens
  // counted by their bytes: TopicModel::Margins of a TopicText); it must
  // keep the topics Explain() marks as assigned, in its order, with its
  // scores. Checked on the written gold articles with the project weights.
  std::vector<Diagnostic> errors;
  auto taxonomy = Taxonomy::LoadFile(DefaultTopicsPath(), Analyzer(), errors);
  REQUIRE(taxonomy);
  REQUIRE(taxonomy->model() != nullptr);
  TopicClassifier classifier(*taxonomy, Analyzer());
  NdjsonReading gold = ReadNdjsonFile(
      testing::SourceDir() / "corpus" / "topic_gold.ndjson", PageMeta{});
  REQUIRE_FALSE(gold.error);
  REQUIRE(gold.articles.size() >= 100);
  // Also an article without any token and one with a long ASCII word.
  Article empty, long_word;
  empty.headline = "2026";
  long_word.headline = "Supercalifragilistic 学校运动会";
  gold.articles.push_back(empty);
  gold.articles.push_back(long_word);
  size_t second_topics = 0;
  for (const Article& a : gold.articles) {
    INFO(a.headline);
    std::vector<ArticleTopic> fast = classifier.Classify(a);
    std::vector<TopicEvidence> explained = classifier.Explain(a);
    size_t kept = 0;
    for (const auto& ev : explained) {
      if (!ev.assigned) break;
      REQUIRE(kept < fast.size());
      CHECK(fast[kept].id == ev.id);
      CHECK(fast[kept].score == std::round(ev.score * 1000) / 1000);
      ++kept;
    }
    CHECK(kept == fast.size());
    if (kept > 1) ++second_topics;

    TopicText text = NormalizedTopicText(a, Analyzer());
    std::vector<double> seeds = classifier.SeedScores(text);
    bool any_token = false;
    auto by_text = taxonomy->model()->Margins(text, seeds, any_token);
    auto by_features = taxonomy->model()->Margins(TopicFeatures(text), seeds);
    CHECK(any_token == !TopicFeatures(text).empty());
    REQUIRE(by_text.size() == by_features.size());
    for (size_t t = 0; t < by_text.size(); ++t) {
      CHECK(by_text[t] == Approx(by_features[t]).margin(1e-12));
    }
  }
  CHECK(second_topics > 10);  // The comparison covers the rule too.
}

// A weights file for kTaxonomy's topics: 物业 and 业主 speak for housing,
// 比赛 for sports; thresholds 0.5.
std::string Weights() {
  return "baoku-topic-weights\t1\nfeatures\t" +
         std::string(kTopicFeatureSettings) +
         "\ntaxonomy\thousing education "
         "sports\ntopic\thousing\t-3\t0\t0.5\ntopic\teducation\t-3\t0\t0.5\n"
         "topic\tsports\t-3\t0\t0.5\n"
         "物业\t0:9\n业主\t0:9\n比赛\t2:9 0:-1\n学校\t1:9\n";
}

std::string TaxonomyNaming(const std::string& weights_file) {
  std::string json = kTaxonomy;
  return json.insert(json.find('{') + 1,
                     "\"weights\": \"" + weights_file + "\",");
}

TEST_CASE("A missing or mismatched weights file names both files", "[topics]") {
  TempDir dir;
  auto path = dir / "topics.json";
  WriteFile(path, TaxonomyNaming("w.tsv"));
  std::vector<Diagnostic> errors;
  CHECK_FALSE(Taxonomy::LoadFile(path, Analyzer(), errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == path.string());
  CHECK_THAT(errors[0].message, Catch::Contains((dir / "w.tsv").string()));
  CHECK_THAT(errors[0].message, Catch::Contains("cannot be read"));

  std::string two_topics = Weights();
  two_topics = two_topics.substr(0, two_topics.find("topic\t"));
  two_topics.replace(two_topics.find("housing education sports"), 24,
                     "housing sports");
  WriteFile(dir / "w.tsv", two_topics + "topic\thousing\t-3\t0\t0.5\n" +
                               "topic\tsports\t-3\t0\t0.5\n");
  errors.clear();
  CHECK_FALSE(Taxonomy::LoadFile(path, Analyzer(), errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == (dir / "w.tsv").string());
  CHECK_THAT(errors[0].message, Catch::Contains(path.string()));
  CHECK_THAT(errors[0].message, Catch::Contains("not fitted for education"));

  WriteFile(dir / "w.tsv", Weights());
  errors.clear();
  auto taxonomy = Taxonomy::LoadFile(path, Analyzer(), errors);
  REQUIRE(taxonomy);
  REQUIRE(taxonomy->model() != nullptr);
  // The index's copy carries the model itself, not the file name.
  Taxonomy stored = Load(taxonomy->ToJson());
  REQUIRE(stored.model() != nullptr);
  CHECK(stored.model()->ToText() == taxonomy->model()->ToText());
  CHECK(stored.ToJson() == taxonomy->ToJson());
}

TEST_CASE("With weights, topics at their threshold are kept, the best always",
          "[topics]") {
  TempDir dir;
  WriteFile(dir / "topics.json", TaxonomyNaming("w.tsv"));
  WriteFile(dir / "w.tsv", Weights());
  std::vector<Diagnostic> errors;
  auto taxonomy = Taxonomy::LoadFile(dir / "topics.json", Analyzer(), errors);
  REQUIRE(taxonomy);
  TopicClassifier classifier(*taxonomy, Analyzer());

  // Both housing and sports clear 0.5: two topics, scores are P.
  auto both = classifier.Classify(MakeArticle("业主足球比赛", {"物业组织"}));
  REQUIRE(both.size() == 2);
  CHECK(both[0].id == "housing");
  CHECK(both[1].id == "sports");
  CHECK(both[0].score > 0.5);
  CHECK(both[0].score < 1);

  // No token weighs enough for any topic: the best is still kept.
  auto weak = classifier.Classify(MakeArticle("今天天气", {"晴"}));
  REQUIRE(weak.size() == 1);
  CHECK(weak[0].score < 0.5);

  auto explained = classifier.Explain(MakeArticle("业主足球比赛", {"物业"}));
  REQUIRE_FALSE(explained.empty());
  CHECK(explained[0].id == "housing");
  CHECK(explained[0].threshold == 0.5);
  REQUIRE(explained[0].tokens.size() == 3);
  CHECK(explained[0].tokens.back().term == "比赛");  // Against housing.
  CHECK(explained[0].tokens.back().weight == -1);
  CHECK(explained[0].tokens.back().title_hits == 1);
  // The seed terms stay visible beside the tokens.
  CHECK(explained[0].seed_score > 0);
  CHECK_FALSE(explained[0].terms.empty());
}

TEST_CASE("With weights, the fitted rule limits the topics besides the best",
          "[topics]") {
  TempDir dir;
  WriteFile(dir / "topics.json", TaxonomyNaming("w.tsv"));
  auto classify_with = [&](const std::string& rule) {
    std::string weights = Weights();
    weights.replace(weights.find("\t1\n"), 3, "\t2\n");
    weights.insert(weights.find("topic\t"), "rule\t" + rule + "\n");
    WriteFile(dir / "w.tsv", weights);
    std::vector<Diagnostic> errors;
    auto taxonomy = Taxonomy::LoadFile(dir / "topics.json", Analyzer(), errors);
    INFO((errors.empty() ? "" : errors[0].ToString()));
    REQUIRE(taxonomy);
    TopicClassifier classifier(*taxonomy, Analyzer());
    Article article = MakeArticle("业主足球比赛", {"物业组织"});
    return std::pair(classifier.Classify(article), classifier.Explain(article));
  };
  // Without effect: housing and sports both clear their threshold 0.5.
  CHECK(Ids(classify_with("0\t3").first) ==
        std::vector<std::string>{"housing", "sports"});
  // Sports clears 0.5 but not 0.99 × P(housing).
  auto [kept, explained] = classify_with("0.99\t3");
  CHECK(Ids(kept) == std::vector<std::string>{"housing"});
  REQUIRE(explained.size() >= 2);
  CHECK(explained[1].id == "sports");
  CHECK(explained[1].score > 0.5);
  CHECK(explained[1].threshold == Approx(0.99 * explained[0].score));
  CHECK_FALSE(explained[1].assigned);
  // At most one topic.
  CHECK(Ids(classify_with("0\t1").first) ==
        std::vector<std::string>{"housing"});
}

TEST_CASE("Overrides pin and remove topics per article", "[topics]") {
  Taxonomy taxonomy = Load();
  TopicOverrides overrides;
  REQUIRE(overrides.AddLine("# comment", taxonomy).empty());
  REQUIRE(overrides.AddLine("", taxonomy).empty());
  REQUIRE(overrides.AddLine("yzrb-1 +教育 -housing  # why", taxonomy).empty());
  REQUIRE(overrides.AddLine("yzrb-2 -* +體育", taxonomy).empty());
  REQUIRE(overrides.AddLine("yzrb-3 +property", taxonomy).empty());
  struct Case {
    const char* id;
    std::vector<ArticleTopic> in;
    std::vector<ArticleTopic> want;
  };
  const ArticleTopic housing{"housing", 5, false};
  const ArticleTopic sports{"sports", 2, false};
  const Case cases[] = {
      {"yzrb-1", {housing, sports}, {{"education", 0, true}, sports}},
      {"yzrb-2", {housing, sports}, {{"sports", 2, true}}},
      {"yzrb-3", {sports, housing}, {{"housing", 5, true}, sports}},
      {"yzrb-4", {housing, sports}, {housing, sports}},  // No rule.
  };
  for (const auto& c : cases) {
    INFO(c.id);
    auto topics = c.in;
    overrides.Apply(c.id, topics);
    CHECK(topics == c.want);
  }
}

TEST_CASE("AssignTopics classifies, then applies the overrides", "[topics]") {
  Taxonomy taxonomy = Load();
  TopicClassifier classifier(taxonomy, Analyzer());
  TopicOverrides overrides;
  REQUIRE(overrides.AddLine("yzrb-20260611-03-02 -housing +sports", taxonomy)
              .empty());
  Article a = MakeArticle("物业服务", {"业主。"});
  AssignTopics(a, classifier, nullptr);
  CHECK(Ids(a.topics) == std::vector<std::string>{"housing"});
  CHECK(a.topics[0].score > 0);
  CHECK_FALSE(a.topics[0].pinned);
  AssignTopics(a, classifier, &overrides);
  REQUIRE(Ids(a.topics) == std::vector<std::string>{"sports"});
  CHECK(a.topics[0].pinned);
}

TEST_CASE("Bad override lines are reported by file:line, the rest applies",
          "[topics]") {
  Taxonomy taxonomy = Load();
  TempDir dir;
  auto path = dir / "overrides.txt";
  WriteFile(path,
            "# Topic corrections\n"
            "yzrb-1 +housing\n"
            "yzrb-2 +金融\n"
            "+housing\n"
            "yzrb-3\n"
            "yzrb-4 housing\n"
            "yzrb-5 -education\n");
  TopicOverrides overrides;
  auto problems = overrides.LoadFile(path, taxonomy);
  REQUIRE(problems.size() == 4);
  const std::pair<int, const char*> want[] = {{3, "unknown topic '金融'"},
                                              {4, "starts with an article id"},
                                              {5, "no +topic or -topic"},
                                              {6, "not +topic or -topic"}};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(problems[i].file == path.string());
    CHECK(problems[i].line == want[i].first);
    CHECK_THAT(problems[i].message, Catch::Contains(want[i].second));
  }
  CHECK(overrides.size() == 2);
  std::vector<ArticleTopic> topics = {{"education", 1, false}};
  overrides.Apply("yzrb-5", topics);
  CHECK(topics.empty());

  TopicOverrides none;
  auto missing = none.LoadFile(dir / "nope.txt", taxonomy);
  REQUIRE(missing.size() == 1);
  CHECK_THAT(missing[0].ToString(), Catch::Contains("nope.txt"));
}

}  // namespace
}  // namespace baoku::corpus
