// baoku-index explain PATHS: how each file is read, as JSON; nothing is
// indexed.
#include <cmath>
#include <iostream>

#include "baoku/corpus/article_json.h"
#include "baoku/corpus/correction.h"
#include "baoku/corpus/ingest_report.h"
#include "baoku/corpus/ndjson_reader.h"
#include "baoku/corpus/page_reader.h"
#include "baoku/indexer/batch.h"
#include "commands.h"
#include "common.h"

namespace baoku::indexer::cli {
namespace {

using corpus::Diagnostic;

nlohmann::json DiagnosticsJson(const std::vector<Diagnostic>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : list) out.push_back(d.ToString());
  return out;
}

nlohmann::json ArticlesJson(std::vector<corpus::Article> list,
                            const TopicSetup& topics) {
  // As the indexer marks them: a notice is shown as the kind it is indexed.
  corpus::MarkCorrectionNotices(list);
  nlohmann::json out = nlohmann::json::array();
  for (auto& a : list) {
    if (!topics.classifier) {
      out.push_back(corpus::ArticleToJson(a));
      continue;
    }
    corpus::AssignTopics(a, *topics.classifier, &topics.overrides);
    nlohmann::json j = corpus::ArticleToJson(a);
    // Why: every topic with evidence, the seed terms and the tokens that
    // weighed most.
    nlohmann::json evidence = nlohmann::json::array();
    for (const auto& ev : topics.classifier->Explain(a)) {
      nlohmann::json terms = nlohmann::json::array();
      for (const auto& t : ev.terms) {
        terms.push_back(
            {{"term", t.term},
             {"weight", t.weight},
             {"title", t.title_hits},
             {"body", t.body_hits},
             {"contribution", std::round(t.contribution * 1000) / 1000}});
      }
      nlohmann::json tokens = nlohmann::json::array();
      for (const auto& t : ev.tokens) {
        tokens.push_back(
            {{"token", t.term},
             {"weight", std::round(t.weight * 1000) / 1000},
             {"title", t.title_hits},
             {"body", t.body_hits},
             {"contribution", std::round(t.contribution * 1000) / 1000}});
      }
      evidence.push_back(
          {{"id", ev.id},
           {"name", ev.name},
           {"score", std::round(ev.score * 1000) / 1000},
           {"threshold", ev.threshold},
           {"seed_score", std::round(ev.seed_score * 1000) / 1000},
           {"assigned", ev.assigned},
           {"terms", std::move(terms)},
           {"tokens", std::move(tokens)}});
    }
    j["topic_evidence"] = std::move(evidence);
    out.push_back(std::move(j));
  }
  return out;
}

struct ExplainOptions {
  std::vector<std::string> inputs;
  PageMetaOptions meta;
  TopicOptions topics;
  std::string ignored_db;
};

int Explain(const ExplainOptions& options) {
  auto defaults = PageMetaDefaults(options.meta);
  if (!defaults) {
    std::cerr << "baoku-index: " << defaults.problem().message << "\n";
    return 2;
  }
  corpus::TextAnalyzer analyzer;
  TopicSetup topics;
  if (!LoadTopics(options.topics, analyzer, topics)) return 2;
  std::vector<Diagnostic> find_errors;
  std::vector<std::filesystem::path> paths(options.inputs.begin(),
                                           options.inputs.end());
  auto files = FindPageFiles(paths, find_errors);
  for (const auto& e : find_errors) PrintError(e);
  int status = find_errors.empty() ? 0 : 1;
  for (const auto& file : files) {
    nlohmann::json out;
    out["file"] = file.string();
    if (corpus::IsNdjsonPath(file)) {
      auto records = corpus::ReadNdjsonFile(file, *defaults);
      if (records.error) records.errors.push_back(*records.error);
      out["articles"] = ArticlesJson(records.articles, topics);
      out["warnings"] = DiagnosticsJson(records.warnings);
      out["errors"] = DiagnosticsJson(records.errors);
      if (!records.errors.empty()) status = 1;
    } else {
      auto page = corpus::ReadPageFile(file, *defaults);
      out["encoding"] = page.encoding;
      out["layout"] = page.layout;
      out["decisions"] = corpus::DecisionsJson(page.decisions);
      out["articles"] = ArticlesJson(page.articles, topics);
      out["warnings"] = DiagnosticsJson(page.warnings);
      if (page.error) {
        out["error"] = page.error->ToString();
        status = 1;
      }
    }
    std::cout << out.dump(2) << "\n";
  }
  return status;
}

}  // namespace

void AddExplainCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<ExplainOptions>();
  auto* command = app.add_subcommand(
      "explain", "Print how each page is split into articles (JSON); no index");
  command
      ->add_option("paths", options->inputs,
                   "Page files or directories of pages")
      ->required();
  AddPageMetaOptions(*command, options->meta);
  AddTopicOptions(*command, options->topics);
  // Accepted and ignored: `baoku-index --db X --explain PAGE` worked.
  command->add_option("--db", options->ignored_db)->group("");
  command->callback([options, &status] {
    status = ReportingIndexErrors("", [&] { return Explain(*options); });
  });
}

}  // namespace baoku::indexer::cli
