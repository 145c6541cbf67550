// baoku-index retopic --db DB: re-assigns topics to every article from the
// stored records (after editing the taxonomy or overrides).
#include <cstdio>
#include <iostream>

#include "baoku/indexer/retopic.h"
#include "baoku/indexer/shards.h"
#include "commands.h"
#include "common.h"

namespace baoku::indexer::cli {
namespace {

struct RetopicCommandOptions {
  std::string db;
  TopicOptions topics;
  std::string lexicon;
  size_t commit_articles = 2000;
  bool quiet = false;
};

int Retopic(const RetopicCommandOptions& options) {
  corpus::TextAnalyzer analyzer;
  TopicSetup topics;
  if (!LoadTopics(options.topics, analyzer, topics)) return 2;
  if (!topics.taxonomy) {
    std::cerr << "baoku-index: retopic needs a taxonomy (--topics)\n";
    return 2;
  }
  RetopicOptions retopic;
  retopic.lexicon_file = options.lexicon;
  retopic.overrides = &topics.overrides;
  retopic.commit_articles = options.commit_articles;
  retopic.report = [&](const corpus::Diagnostic& d) {
    if (!options.quiet) {
      std::cerr << "baoku-index: warning: " << d.ToString() << "\n";
    }
  };
  // A sharded index: every shard that takes writes, in turn.
  std::vector<std::filesystem::path> targets = {options.db};
  if (IsShardedIndex(options.db)) {
    targets.clear();
    for (const auto& name : ListShards(options.db)) {
      auto shard = std::filesystem::path(options.db) / "shards" / name;
      if (std::filesystem::is_directory(shard)) targets.push_back(shard);
    }
  }
  bool all_read = true;
  for (const auto& target : targets) {
    auto s = RetopicIndex(target, *topics.taxonomy, retopic);
    std::printf(
        "baoku-index: retopic %s: %zu articles, %zu changed, %zu "
        "unreadable, %.2f s\n",
        target.c_str(), s.articles, s.changed, s.unreadable, s.seconds);
    all_read = all_read && s.unreadable == 0;
  }
  return all_read ? 0 : 1;
}

}  // namespace

void AddRetopicCommand(CLI::App& app, int& status) {
  auto options = std::make_shared<RetopicCommandOptions>();
  auto* command = app.add_subcommand(
      "retopic",
      "Re-assign topics to every article of --db from the stored records "
      "(after editing the taxonomy or overrides)");
  command->add_option("--db", options->db, "Index directory")->required();
  AddTopicOptions(*command, options->topics);
  command->add_option("--lexicon", options->lexicon,
                      "Project lexicon file (default: corpus/lexicon.txt)");
  command
      ->add_option("--commit-every", options->commit_articles,
                   "Commit after at least this many articles")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  command->add_flag("-q,--quiet", options->quiet, "Print only errors");
  command->callback([options, &status] {
    status =
        ReportingIndexErrors(options->db, [&] { return Retopic(*options); });
  });
}

}  // namespace baoku::indexer::cli
