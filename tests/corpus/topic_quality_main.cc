// baoku-topic-quality: the topic classifier against the gold topics.
// Usage: baoku-topic-quality [--topics FILE] [--from DATE] [--to DATE]
//                            [--mistakes] DIR_OR_GOLD_FILE...
#include <CLI/CLI.hpp>
#include <iostream>

#include "baoku/corpus/text_analyzer.h"
#include "topic_quality.h"

int main(int argc, char** argv) {
  CLI::App app{"baoku-topic-quality: assigned topics vs gold topics"};
  std::vector<std::string> roots;
  std::string topics_file, from, to;
  bool mistakes = false;
  app.add_option("roots", roots, "Sample folders or gold files")->required();
  app.add_option("--topics", topics_file,
                 "Taxonomy (default: corpus/topics.json)");
  app.add_option("--from", from, "First issue date (YYYY-MM-DD)");
  app.add_option("--to", to, "Last issue date (YYYY-MM-DD)");
  app.add_flag("--mistakes", mistakes, "List articles that differ");
  CLI11_PARSE(app, argc, argv);

  baoku::testing::TopicQualityOptions options;
  for (auto [text, date] :
       {std::pair{&from, &options.from}, {&to, &options.to}}) {
    if (text->empty()) continue;
    *date = baoku::corpus::ParseDate(*text);
    if (!*date) {
      std::cerr << "baoku-topic-quality: bad date '" << *text << "'\n";
      return 2;
    }
  }
  try {
    baoku::corpus::TextAnalyzer analyzer;
    std::vector<baoku::corpus::Diagnostic> errors;
    auto taxonomy =
        baoku::corpus::Taxonomy::LoadFile(topics_file, analyzer, errors);
    for (const auto& e : errors)
      std::cerr << "baoku-topic-quality: " << e.ToString() << "\n";
    if (!taxonomy) return 2;
    baoku::corpus::TopicClassifier classifier(*taxonomy, analyzer);
    std::vector<std::filesystem::path> paths(roots.begin(), roots.end());
    auto q = baoku::testing::MeasureTopics(paths, classifier, options);
    std::cout << q.ToTable();
    if (mistakes) {
      for (const auto& m : q.mistakes) std::cout << m << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "baoku-topic-quality: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
