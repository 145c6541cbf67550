// baoku-topic-classify: assigns topics to articles given as JSON lines, for
// measuring the classifier on labelled public corpora (topics_public.py).
//
// Input (stdin), one object per line: {"id": ..., "title": ..., "text": ...}
// ("text" may be empty for headline-only data). Output (stdout), one line
// each: {"id": ..., "topics": ["housing", ...]} with the topics best first,
// exactly as the indexer assigns them (no overrides).
//
// Usage: baoku-topic-classify [--topics corpus/topics.json] < in > out
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "baoku/corpus/text_analyzer.h"
#include "baoku/corpus/topics.h"
#include "title_text_article.h"

int main(int argc, char** argv) {
  CLI::App app{"baoku-topic-classify: topics for JSON-lines articles"};
  std::string topics_file;
  app.add_option("--topics", topics_file,
                 "Taxonomy (default: corpus/topics.json)");
  CLI11_PARSE(app, argc, argv);

  baoku::corpus::TextAnalyzer analyzer;
  std::vector<baoku::corpus::Diagnostic> errors;
  auto taxonomy =
      baoku::corpus::Taxonomy::LoadFile(topics_file, analyzer, errors);
  for (const auto& e : errors)
    std::cerr << "baoku-topic-classify: " << e.ToString() << "\n";
  if (!taxonomy) return 2;
  baoku::corpus::TopicClassifier classifier(*taxonomy, analyzer);
  std::string line;
  size_t line_no = 0;
  while (std::getline(std::cin, line)) {
    ++line_no;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      std::cerr << "baoku-topic-classify: line " << line_no
                << ": not a JSON object\n";
      return 1;
    }
    baoku::corpus::Article a = baoku::bench::TitleTextArticle(
        j.value("title", ""), j.value("text", ""));
    nlohmann::json out{{"id", j.value("id", "")},
                       {"topics", nlohmann::json::array()}};
    for (const auto& t : classifier.Classify(a)) out["topics"].push_back(t.id);
    std::cout << out.dump() << "\n";
  }
  return 0;
}
